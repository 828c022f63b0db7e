"use client";

import { CheckCircle2Icon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { ChoiceGroup } from "@/components/orders/choice-group";
import { FieldError } from "@/components/ui/field-error";
import type { OrderProblem } from "@/lib/orders/order-problems";
import { dnsValidationTargets, fileValidationTargets } from "@/lib/validation/list-validation-targets";

/**
 * How the names will be validated: automatically when every record falls in the
 * customer's hosted zones, else their choice of DNS record or file (never a file for a
 * wildcard), with the records or files they will have to publish.
 */
export function OrderValidationFields({
  method,
  automatic,
  fileAllowed,
  covered,
  problems,
  disabled,
  onMethod,
}: {
  method: "DNS" | "FILE";
  automatic: boolean;
  fileAllowed: boolean;
  covered: string[];
  problems: Extract<OrderProblem, { field: "validationMethod" }>[];
  disabled: boolean;
  onMethod: (method: "DNS" | "FILE") => void;
}) {
  const t = useTranslations("certificateOrder.validation");
  const id = useId();
  if (automatic) {
    return (
      <p className="flex gap-2 text-sm" data-testid="order-validation-automatic">
        <CheckCircle2Icon className="mt-0.5 size-4 shrink-0 text-success" aria-hidden />
        {t("automatic")}
      </p>
    );
  }
  const chosen = fileAllowed ? method : "DNS";
  const preview =
    covered.length === 0
      ? []
      : chosen === "FILE"
        ? fileValidationTargets(covered, "").map((target) => target.url)
        : dnsValidationTargets(covered, "").map((target) => target.name);
  return (
    <div className="grid gap-4">
      <ChoiceGroup
        legend={t("method")}
        name={`${id}-method`}
        value={chosen}
        columns="sm:grid-cols-2"
        choices={[
          { value: "DNS", label: t("DNS"), hint: t("DNSHint") },
          {
            value: "FILE",
            label: t("FILE"),
            hint: fileAllowed ? t("FILEHint") : t("fileNotForWildcard"),
            disabled: !fileAllowed,
          },
        ]}
        disabled={disabled}
        invalid={problems.length > 0}
        describedBy={problems.length > 0 ? `${id}-error` : undefined}
        onChange={onMethod}
        testId="order-validation-method"
      />
      <FieldError id={`${id}-error`} messages={problems.length > 0 ? [t("fileNotForWildcard")] : undefined} />
      {preview.length > 0 && (
        <div className="grid gap-1 text-sm" data-testid="order-validation-preview">
          <p className="text-muted-foreground">{chosen === "FILE" ? t("filesPreview") : t("recordsPreview")}</p>
          <ul className="grid gap-0.5 font-mono text-xs break-all">
            {preview.map((entry) => (
              <li key={entry}>{entry}</li>
            ))}
          </ul>
          <p className="text-xs text-muted-foreground">{t("valueLater")}</p>
        </div>
      )}
    </div>
  );
}

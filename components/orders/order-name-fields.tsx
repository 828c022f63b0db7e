"use client";

import { CheckCircle2Icon, GiftIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { describedBy } from "@/components/orders/choice-group";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { findHostedZone } from "@/lib/dns/validation-record";
import type { DomainType } from "@/lib/generated/prisma/enums";
import { bonusNames, type CheckedOrderNames } from "@/lib/orders/check-order-names";
import type { OrderProblem } from "@/lib/orders/order-problems";

/**
 * One input per name the product takes, each with the CA rules' verdict as it is typed
 * (shown once the field was left, or after a submit), the bonus names it also covers,
 * and whether it is hosted with us.
 */
export function OrderNameFields({
  names,
  domainType,
  checked,
  touched,
  submitted,
  serverProblems,
  hostedZones,
  disabled,
  onChange,
  onBlur,
}: {
  names: string[];
  domainType: DomainType;
  checked: CheckedOrderNames | null;
  touched: ReadonlySet<number>;
  submitted: boolean;
  serverProblems: Extract<OrderProblem, { field: "names" }>[];
  hostedZones: string[];
  disabled: boolean;
  onChange: (index: number, value: string) => void;
  onBlur: (index: number) => void;
}) {
  const t = useTranslations("certificateOrder.names");
  const id = useId();
  const message = (code: string, params: Record<string, string | number>) => t(`problem.${code}`, params);
  const listProblems = [
    ...(checked?.listProblems ?? []).map((problem) => message(problem.code, problem.params)),
    ...serverProblems
      .filter((problem) => problem.index === null)
      .map((problem) => message(problem.code, problem.params)),
  ];

  return (
    <div className="grid gap-4">
      {names.map((name, index) => {
        const inputId = `${id}-name-${index}`;
        // Judged once the field was left (then again at each keystroke), or after a submit.
        const shown = submitted || touched.has(index);
        const local = shown
          ? (checked?.problems ?? [])
              .filter((problem) => problem.index === index)
              .map((problem) => message(problem.code, problem.params))
          : [];
        const remote = serverProblems
          .filter((problem) => problem.index === index)
          .map((problem) => message(problem.code, problem.params));
        const errors = [...new Set([...local, ...remote])];
        const normalized = checked?.names[index] ?? null;
        const bonus = normalized ? bonusNames(normalized) : [];
        const hosted = normalized ? findHostedZone(normalized, hostedZones) : null;
        return (
          <div key={inputId} className="grid gap-1.5">
            <Label htmlFor={inputId}>{names.length > 1 ? t("labelNumbered", { number: index + 1 }) : t("label")}</Label>
            <Input
              id={inputId}
              value={name}
              disabled={disabled}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              inputMode="url"
              placeholder={t(`placeholder.${domainType}`)}
              onChange={(event) => onChange(index, event.target.value)}
              onBlur={() => onBlur(index)}
              aria-invalid={errors.length > 0 ? true : undefined}
              aria-describedby={describedBy(
                errors.length > 0 && `${inputId}-error`,
                bonus.length > 0 && `${inputId}-bonus`,
                hosted && `${inputId}-hosted`,
              )}
              className="font-mono text-base sm:text-sm"
              data-testid="order-name"
            />
            <FieldError id={`${inputId}-error`} messages={errors.length > 0 ? errors : undefined} />
            {bonus.length > 0 && errors.length === 0 && (
              <p
                id={`${inputId}-bonus`}
                className="flex items-center gap-1.5 text-xs text-muted-foreground"
                data-testid="order-name-bonus"
              >
                <GiftIcon className="size-3.5 shrink-0" aria-hidden />
                {t("bonus", { names: bonus.join(", ") })}
              </p>
            )}
            {hosted && errors.length === 0 && (
              <p
                id={`${inputId}-hosted`}
                className="flex items-center gap-1.5 text-xs text-success"
                data-testid="order-name-hosted"
              >
                <CheckCircle2Icon className="size-3.5 shrink-0" aria-hidden />
                {t("hosted", { zone: hosted })}
              </p>
            )}
          </div>
        );
      })}
      {listProblems.length > 0 && (submitted || serverProblems.length > 0) && (
        <p className="text-sm text-destructive" role="alert">
          {listProblems.join(" ")}
        </p>
      )}
    </div>
  );
}

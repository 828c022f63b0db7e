"use client";

import { FileUpIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import type * as React from "react";
import { useId } from "react";
import { ChoiceGroup, describedBy } from "@/components/orders/choice-group";
import type { OrderDraft } from "@/components/orders/order-draft";
import { FieldError } from "@/components/ui/field-error";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { MAX_CSR_BYTES } from "@/lib/csr/csr-problems";
import { ORDER_KEY_ALGORITHMS } from "@/lib/orders/order-key-algorithms";
import type { OrderProblem } from "@/lib/orders/order-problems";

/** Generate the key pair here (which algorithm), or bring a CSR: pasted, or loaded from a .csr/.pem file. */
export function OrderKeyFields({
  draft,
  covered,
  submitted,
  problems,
  disabled,
  onChange,
}: {
  draft: OrderDraft;
  covered: string[];
  submitted: boolean;
  problems: Extract<OrderProblem, { field: "csr" }>[];
  disabled: boolean;
  onChange: (patch: Partial<OrderDraft>) => void;
}) {
  const t = useTranslations("certificateOrder.key");
  const id = useId();
  const errors = [
    ...(submitted && draft.keySource === "CSR" && draft.csrPem.trim() === "" ? [t("csrRequired")] : []),
    ...problems.map((problem) => t(`csrProblem.${problem.code}`, problem.params)),
  ];

  async function load(event: React.ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    // Over the limit: not read; the server would refuse it with the same message.
    if (file.size > MAX_CSR_BYTES) onChange({ csrPem: "" });
    else onChange({ csrPem: await file.text() });
  }

  return (
    <div className="grid gap-4">
      <ChoiceGroup
        legend={t("source")}
        name={`${id}-source`}
        value={draft.keySource}
        columns="sm:grid-cols-2"
        choices={[
          { value: "GENERATE", label: t("generate"), hint: t("generateHint") },
          { value: "CSR", label: t("csr"), hint: t("csrHint") },
        ]}
        disabled={disabled}
        onChange={(keySource) => onChange({ keySource })}
        testId="order-key-source"
      />
      {draft.keySource === "GENERATE" ? (
        <div className="grid gap-2 sm:max-w-xs">
          <Label htmlFor={`${id}-algorithm`}>{t("algorithm")}</Label>
          <NativeSelect
            id={`${id}-algorithm`}
            value={draft.algorithm}
            disabled={disabled}
            onChange={(event) =>
              onChange({
                algorithm: ORDER_KEY_ALGORITHMS.find((value) => value === event.target.value) ?? draft.algorithm,
              })
            }
            data-testid="order-key-algorithm"
          >
            {ORDER_KEY_ALGORITHMS.map((algorithm) => (
              <option key={algorithm} value={algorithm}>
                {t(`algorithms.${algorithm}`)}
              </option>
            ))}
          </NativeSelect>
        </div>
      ) : (
        <div className="grid gap-2">
          <Label htmlFor={`${id}-csr`}>{t("csrLabel")}</Label>
          <Textarea
            id={`${id}-csr`}
            value={draft.csrPem}
            disabled={disabled}
            spellCheck={false}
            rows={8}
            placeholder="-----BEGIN CERTIFICATE REQUEST-----"
            onChange={(event) => onChange({ csrPem: event.target.value })}
            aria-invalid={errors.length > 0 ? true : undefined}
            aria-describedby={describedBy(`${id}-csr-hint`, errors.length > 0 && `${id}-csr-error`)}
            className="font-mono text-xs"
            data-testid="order-csr"
          />
          <p id={`${id}-csr-hint`} className="text-xs text-muted-foreground">
            {covered.length > 0 ? t("csrNames", { names: covered.join(", ") }) : t("csrNamesLater")}
          </p>
          <FieldError id={`${id}-csr-error`} messages={errors.length > 0 ? errors : undefined} />
          <div>
            <label
              htmlFor={`${id}-csr-file`}
              className="inline-flex cursor-pointer items-center gap-2 rounded-md border px-3 py-1.5 text-sm font-medium shadow-xs hover:bg-accent has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring"
            >
              <FileUpIcon className="size-4" aria-hidden />
              {t("csrFile")}
              <input
                id={`${id}-csr-file`}
                type="file"
                accept=".csr,.pem,.txt,text/plain,application/pkcs10"
                className="sr-only"
                disabled={disabled}
                onChange={load}
              />
            </label>
          </div>
        </div>
      )}
    </div>
  );
}

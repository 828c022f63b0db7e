"use client";

import { useMutation } from "@tanstack/react-query";
import { Loader2Icon, SaveIcon, XCircleIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type * as React from "react";
import { useId, useState } from "react";
import { saveIssuerAction } from "@/app/admin/issuers/actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import type { IssuerView } from "@/lib/issuers/issuer-views";

const FIELDS = ["name", "directoryUrl", "eabKeyId", "eabHmacKey", "contactEmail", "caBundlePem"] as const;
type Field = (typeof FIELDS)[number];
const KNOWN_PROBLEMS = new Set(["REQUIRED", "TOO_LONG", "HTTPS_URL", "EAB_KEY", "EAB_KEY_ID_REQUIRED", "EMAIL", "PEM"]);

/**
 * Adds an ACME issuer, or edits `issuer`. Secrets are write-only: the HMAC key field is
 * always empty, and left empty it keeps the stored key. The server checks every field
 * (lib/issuers/issuer-input.ts) and names the problem per field.
 */
export function IssuerForm({ issuer, onDone }: { issuer?: IssuerView; onDone?: () => void }) {
  const t = useTranslations("admin.issuers.form");
  const router = useRouter();
  const id = useId();
  const empty = { name: "", directoryUrl: "", eabKeyId: "", eabHmacKey: "", contactEmail: "", caBundlePem: "" };
  const initial: Record<Field, string> = issuer
    ? {
        ...empty,
        name: issuer.name,
        directoryUrl: issuer.directoryUrl,
        eabKeyId: issuer.eabKeyId ?? "",
        contactEmail: issuer.contactEmail ?? "",
      }
    : empty;
  const [values, setValues] = useState(initial);
  const [terms, setTerms] = useState(issuer?.termsAccepted ?? false);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const mutation = useMutation({ mutationFn: saveIssuerAction });
  const prefix = issuer ? `issuer-edit` : "issuer-add";

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    setErrors({});
    mutation.mutate(
      { ...(issuer ? { issuerId: issuer.id } : {}), ...values, termsAccepted: terms },
      {
        onSuccess: (result) => {
          if (result.ok) {
            toast.success(t("saved", { name: result.data.name }));
            if (!issuer) {
              setValues(empty);
              setTerms(false);
            }
            onDone?.();
            router.refresh();
            return;
          }
          const fieldErrors: Partial<Record<Field, string>> = {};
          for (const field of FIELDS) {
            const problem = result.fieldErrors?.[field]?.[0];
            if (problem) fieldErrors[field] = t(`problems.${KNOWN_PROBLEMS.has(problem) ? problem : "other"}`);
          }
          setErrors(fieldErrors);
          if (Object.keys(fieldErrors).length === 0) setFormError(result.message);
        },
        onError: () => setFormError(t("problems.other")),
      },
    );
  }

  const field = (name: Field, options: { label: string; hint?: string; multiline?: boolean; type?: string }) => {
    const inputId = `${id}-${name}`;
    const describedBy = [options.hint ? `${inputId}-hint` : "", errors[name] ? `${inputId}-error` : ""].filter(Boolean);
    const common = {
      id: inputId,
      value: values[name],
      disabled: mutation.isPending,
      autoComplete: "off",
      spellCheck: false,
      "aria-invalid": errors[name] ? true : undefined,
      "aria-describedby": describedBy.length > 0 ? describedBy.join(" ") : undefined,
      "data-testid": `${prefix}-${name}`,
    } as const;
    const change = (event: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      setValues((current) => ({ ...current, [name]: event.target.value }));
    return (
      <div className="grid content-start gap-2">
        <Label htmlFor={inputId}>{options.label}</Label>
        {options.multiline ? (
          <Textarea {...common} onChange={change} className="font-mono text-xs" rows={4} />
        ) : (
          <Input {...common} type={options.type ?? "text"} onChange={change} />
        )}
        {options.hint && (
          <p id={`${inputId}-hint`} className="text-xs text-muted-foreground">
            {options.hint}
          </p>
        )}
        <FieldError id={`${inputId}-error`} messages={errors[name] ? [errors[name]] : undefined} />
      </div>
    );
  };

  return (
    <form onSubmit={submit} noValidate className="grid gap-4 rounded-md border p-4" data-testid={`${prefix}-form`}>
      <h3 className="font-medium">{issuer ? t("editTitle", { name: issuer.name }) : t("addTitle")}</h3>
      {formError && (
        <Alert variant="destructive">
          <XCircleIcon aria-hidden />
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        {field("name", { label: t("name"), hint: t("nameHint") })}
        {field("directoryUrl", { label: t("directoryUrl"), hint: t("directoryHint"), type: "url" })}
        {field("eabKeyId", { label: t("eabKeyId") })}
        {field("eabHmacKey", {
          label: t("eabHmacKey"),
          hint: issuer?.hasEabHmacKey ? `${t("eabHint")} ${t("eabKeep")}` : t("eabHint"),
          type: "password",
        })}
        {field("contactEmail", { label: t("contactEmail"), hint: t("contactHint"), type: "email" })}
      </div>
      {field("caBundlePem", {
        label: t("caBundlePem"),
        hint: issuer?.hasCaBundle ? `${t("caBundleHint")} ${t("caBundleKeep")}` : t("caBundleHint"),
        multiline: true,
      })}
      <label className="flex items-start gap-3 text-sm">
        <input
          type="checkbox"
          checked={terms}
          disabled={mutation.isPending}
          onChange={(event) => setTerms(event.target.checked)}
          className="mt-0.5 size-4 accent-[var(--color-primary)]"
          data-testid={`${prefix}-terms`}
        />
        <span className="font-medium">{t("terms")}</span>
        {issuer?.termsOfServiceUrl && (
          <a href={issuer.termsOfServiceUrl} target="_blank" rel="noreferrer" className="underline">
            {t("termsLink")}
          </a>
        )}
      </label>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={mutation.isPending} data-testid={`${prefix}-submit`}>
          {mutation.isPending ? <Loader2Icon className="animate-spin" aria-hidden /> : <SaveIcon aria-hidden />}
          {mutation.isPending ? t("saving") : t("save")}
        </Button>
        {onDone && (
          <Button type="button" variant="outline" onClick={onDone} disabled={mutation.isPending}>
            {t("cancel")}
          </Button>
        )}
      </div>
    </form>
  );
}

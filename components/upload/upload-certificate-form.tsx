"use client";

import { useQueryClient } from "@tanstack/react-query";
import { FileUpIcon, InfoIcon, Loader2Icon, UploadIcon, XCircleIcon, XIcon } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import type * as React from "react";
import { useId, useState } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { MAX_UPLOAD_ALIAS_LENGTH, MAX_UPLOAD_FIELD_BYTES } from "@/lib/certificates/upload-limits";
import {
  type UploadFormField,
  type UploadProblem,
  type UploadResponse,
  uploadProblemValues,
} from "@/lib/certificates/upload-problems";
import { certificateKeys } from "@/lib/queries/certificates";

type PemField = "certificate" | "chain" | "privateKey";
type FieldValue = { text: string; fileName: string | null };
const EMPTY: FieldValue = { text: "", fileName: null };
const BODY_NAMES: Record<PemField, string> = {
  certificate: "certificatePem",
  chain: "chainPem",
  privateKey: "privateKeyPem",
};

/** Paste or pick a certificate, its chain and key; every problem is shown at its field. */
export function UploadCertificateForm() {
  const t = useTranslations("upload");
  const format = useFormatter();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<Record<PemField, FieldValue>>({
    certificate: EMPTY,
    chain: EMPTY,
    privateKey: EMPTY,
  });
  const [alias, setAlias] = useState("");
  const [problems, setProblems] = useState<UploadProblem[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const messageOf = (problem: Pick<UploadProblem, "code" | "params">, kind: "errors" | "warnings" = "errors") =>
    t(
      `${kind}.${problem.code}`,
      uploadProblemValues(problem.params, (iso) => format.dateTime(new Date(iso), "dateTime")),
    );
  const errorsFor = (field: UploadFormField) =>
    problems.filter((problem) => problem.field === field).map((problem) => messageOf(problem));

  function change(field: PemField, value: FieldValue) {
    setValues((current) => ({ ...current, [field]: value }));
    setProblems((current) => current.filter((problem) => problem.field !== field));
  }

  function tooLarge(field: PemField, bytes: number) {
    change(field, EMPTY);
    setProblems((current) => [
      ...current,
      { field, code: "TOO_LARGE", params: { maxBytes: MAX_UPLOAD_FIELD_BYTES, actualBytes: bytes }, message: "" },
    ]);
  }

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setFormError(null);
    if (values.certificate.text.trim() === "") {
      setProblems([{ field: "certificate", code: "EMPTY", params: {}, message: "" }]);
      return;
    }
    setPending(true);
    try {
      const fields = {
        [BODY_NAMES.certificate]: values.certificate.text,
        [BODY_NAMES.chain]: values.chain.text,
        [BODY_NAMES.privateKey]: values.privateKey.text,
        alias,
      };
      // The route's own schema, loaded on the first submit (zod stays out of the page's first load).
      const { uploadFieldsProblem, uploadFieldsSchema } = await import("@/lib/certificates/upload-fields");
      const checked = uploadFieldsSchema.safeParse(fields);
      const problem = checked.success ? null : uploadFieldsProblem(checked.error.issues);
      if (problem) {
        setProblems([{ ...problem, message: "" }]);
        return;
      }
      const response = await fetch("/api/certificates/upload", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify(fields),
      });
      if (response.status === 401) {
        window.location.assign(`/sign-in?callbackUrl=${encodeURIComponent(window.location.pathname)}`);
        return;
      }
      // Refusals before the upload itself (cross-site, a failure on our side) are a plain {code, message}.
      const body = (await response.json().catch(() => null)) as
        | UploadResponse
        | { code: string; message: string }
        | null;
      if (!body || !("ok" in body)) {
        setFormError(body?.message ?? t("unexpected"));
        return;
      }
      if (body.ok) {
        await queryClient.invalidateQueries({ queryKey: certificateKeys.all });
        toast.success(t("success"), {
          description: body.warnings.map((warning) => messageOf(warning, "warnings")).join(" ") || undefined,
        });
        router.push(`/certificates/${body.certificateId}`);
        return;
      }
      setProblems(body.errors);
      const general = body.errors.filter((problem) => problem.field === null);
      if (general.length > 0) setFormError(general.map((problem) => messageOf(problem)).join(" "));
      else if (body.errors.length === 0) setFormError(body.message);
    } catch {
      setFormError(t("network"));
    } finally {
      setPending(false);
    }
  }

  const duplicate = problems.find((problem) => problem.code === "ALREADY_UPLOADED");
  const fieldProblems = problems.filter((problem) => problem.field !== null);
  return (
    <form onSubmit={submit} noValidate className="grid max-w-3xl gap-6" data-testid="upload-form">
      <Alert>
        <InfoIcon aria-hidden />
        <AlertDescription className="grid gap-1">
          <p>{t("intro")}</p>
          <p className="text-muted-foreground">{t("notRenewable")}</p>
        </AlertDescription>
      </Alert>
      {fieldProblems.length > 0 && (
        <Alert variant="destructive" data-testid="upload-summary">
          <XCircleIcon aria-hidden />
          <AlertTitle>{t("rejectedTitle")}</AlertTitle>
          <AlertDescription>{t("rejected", { count: fieldProblems.length })}</AlertDescription>
        </Alert>
      )}
      {formError && (
        <Alert variant="destructive" data-testid="upload-error">
          <XCircleIcon aria-hidden />
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      )}
      <Card>
        <CardContent className="grid gap-6 pt-5">
          <PemInput
            field="certificate"
            label={t("fields.certificate.label")}
            hint={t("fields.certificate.hint")}
            placeholder="-----BEGIN CERTIFICATE-----"
            required
            value={values.certificate}
            errors={errorsFor("certificate")}
            onChange={(value) => change("certificate", value)}
            onTooLarge={(bytes) => tooLarge("certificate", bytes)}
            extra={
              duplicate && typeof duplicate.params.certificateId === "string" ? (
                <Link
                  href={`/certificates/${duplicate.params.certificateId}`}
                  className="text-sm font-medium text-primary hover:underline"
                >
                  {t("openExisting")}
                </Link>
              ) : null
            }
          />
          <PemInput
            field="chain"
            label={t("fields.chain.label")}
            hint={t("fields.chain.hint")}
            placeholder="-----BEGIN CERTIFICATE-----"
            value={values.chain}
            errors={errorsFor("chain")}
            onChange={(value) => change("chain", value)}
            onTooLarge={(bytes) => tooLarge("chain", bytes)}
          />
          <PemInput
            field="privateKey"
            label={t("fields.privateKey.label")}
            hint={t("fields.privateKey.hint")}
            placeholder="-----BEGIN PRIVATE KEY-----"
            value={values.privateKey}
            errors={errorsFor("privateKey")}
            onChange={(value) => change("privateKey", value)}
            onTooLarge={(bytes) => tooLarge("privateKey", bytes)}
          />
          <AliasInput
            value={alias}
            errors={errorsFor("alias")}
            onChange={(value) => {
              setAlias(value);
              setProblems((current) => current.filter((problem) => problem.field !== "alias"));
            }}
          />
        </CardContent>
      </Card>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending} data-testid="upload-submit">
          {pending ? <Loader2Icon className="animate-spin" aria-hidden /> : <UploadIcon aria-hidden />}
          {pending ? t("submitting") : t("submit")}
        </Button>
        <Button type="button" variant="outline" asChild>
          <Link href="/certificates">{t("cancel")}</Link>
        </Button>
      </div>
    </form>
  );
}

function PemInput({
  field,
  label,
  hint,
  placeholder,
  required,
  value,
  errors,
  onChange,
  onTooLarge,
  extra,
}: {
  field: PemField;
  label: string;
  hint: string;
  placeholder: string;
  required?: boolean;
  value: FieldValue;
  errors: string[];
  onChange: (value: FieldValue) => void;
  onTooLarge: (bytes: number) => void;
  extra?: React.ReactNode;
}) {
  const t = useTranslations("upload");
  const id = useId();
  const inputId = `${id}-text`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const fileId = `${id}-file`;
  const binary = value.fileName !== null && looksBinary(value.text);
  const describedBy = [hintId, errors.length > 0 ? errorId : null].filter(Boolean).join(" ");

  async function pick(event: React.ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    // Over the limit: not read at all; the server would refuse it with the same message.
    if (file.size > MAX_UPLOAD_FIELD_BYTES) onTooLarge(file.size);
    else onChange({ text: await file.text(), fileName: file.name });
  }

  return (
    <div className="grid gap-2" data-testid={`upload-field-${field}`}>
      <div className="flex flex-wrap items-end justify-between gap-2">
        <Label htmlFor={binary ? fileId : inputId}>
          {label}
          {!required && <span className="ml-1 font-normal text-muted-foreground">{t("optional")}</span>}
        </Label>
        <div>
          <input
            id={fileId}
            type="file"
            className="peer sr-only"
            accept=".pem,.crt,.cer,.key,.txt,.ca-bundle,.der"
            onChange={pick}
            aria-describedby={describedBy}
            data-testid={`upload-file-${field}`}
          />
          <label
            htmlFor={fileId}
            className="inline-flex h-8 cursor-pointer items-center gap-2 rounded-md border border-input bg-card px-3 text-xs font-medium shadow-xs hover:bg-accent peer-focus-visible:ring-2 peer-focus-visible:ring-ring"
          >
            <FileUpIcon className="size-4" aria-hidden />
            {t("chooseFile")}
          </label>
        </div>
      </div>
      {binary ? (
        <div className="flex items-center justify-between gap-2 rounded-md border border-dashed px-3 py-2 text-sm">
          <span className="break-all">{t("binaryFile", { fileName: value.fileName ?? "" })}</span>
          <Button type="button" variant="ghost" size="sm" onClick={() => onChange(EMPTY)}>
            <XIcon aria-hidden />
            {t("removeFile")}
          </Button>
        </div>
      ) : (
        <Textarea
          id={inputId}
          name={BODY_NAMES[field]}
          value={value.text}
          onChange={(event) => onChange({ text: event.target.value, fileName: null })}
          placeholder={placeholder}
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="off"
          rows={field === "chain" ? 7 : 6}
          className="font-mono text-xs"
          aria-required={required || undefined}
          aria-invalid={errors.length > 0 || undefined}
          aria-describedby={describedBy}
          data-testid={`upload-${field}`}
        />
      )}
      <p id={hintId} className="text-xs text-muted-foreground">
        {value.fileName && !binary ? t("loadedFrom", { fileName: value.fileName }) : hint}
      </p>
      {errors.length > 0 && (
        <ul
          id={errorId}
          className="grid gap-1 text-sm text-destructive"
          aria-live="polite"
          data-testid={`upload-error-${field}`}
        >
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
      {extra}
    </div>
  );
}

function AliasInput({
  value,
  errors,
  onChange,
}: {
  value: string;
  errors: string[];
  onChange: (value: string) => void;
}) {
  const t = useTranslations("upload");
  const id = useId();
  return (
    <div className="grid gap-2">
      <Label htmlFor={id}>
        {t("fields.alias.label")}
        <span className="ml-1 font-normal text-muted-foreground">{t("optional")}</span>
      </Label>
      <Input
        id={id}
        value={value}
        maxLength={MAX_UPLOAD_ALIAS_LENGTH + 20}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={errors.length > 0 || undefined}
        aria-describedby={`${id}-hint${errors.length > 0 ? ` ${id}-error` : ""}`}
        data-testid="upload-alias"
        className="max-w-md"
      />
      <p id={`${id}-hint`} className="text-xs text-muted-foreground">
        {t("fields.alias.hint", { max: MAX_UPLOAD_ALIAS_LENGTH })}
      </p>
      {errors.length > 0 && (
        <p id={`${id}-error`} className="text-sm text-destructive" aria-live="polite">
          {errors.join(" ")}
        </p>
      )}
    </div>
  );
}

// What a binary file turns into when read as text: control characters or U+FFFD.
function looksBinary(text: string): boolean {
  for (let i = 0; i < Math.min(text.length, 4096); i++) {
    const code = text.charCodeAt(i);
    if (code === 0x09 || code === 0x0a || code === 0x0d) continue;
    if (code < 0x20 || code === 0x7f || code === 0xfffd) return true;
  }
  return false;
}

"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CheckCircle2Icon, DownloadIcon, ShieldQuestionIcon } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { verifyRenewalNowAction } from "@/app/(console)/certificates/actions";
import { CancelOrderDialog } from "@/components/certificates/cancel-order-dialog";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import type { CertificateDetail } from "@/lib/certificates/get-certificate-detail";
import type { TargetCheck } from "@/lib/issuance/check-certificate-validation";
import { accountKeys } from "@/lib/queries/account";
import { certificateKeys } from "@/lib/queries/certificates";
import { FILE_VALIDATION_NAME } from "@/lib/validation/list-validation-targets";

type Message = { tone: "default" | "warning" | "destructive"; text: string; details: string[] };

/**
 * What the customer must put in place (or what we added for them), exactly as the check
 * looks for it: each TXT record with its host, type, value and TTL, or each file with its
 * URL and content; the deadline; "Verify now" and, for an order, "Cancel order".
 */
export function ValidationCard({ data, readOnly = false }: { data: CertificateDetail; readOnly?: boolean }) {
  const t = useTranslations("renewal.validation");
  const format = useFormatter();
  const queryClient = useQueryClient();
  const acmeFailureText = (failure: { reason: string; retryAt: string | null }) => {
    const retry = failure.retryAt
      ? t("acmeFailure.retryAt", { date: format.dateTime(new Date(failure.retryAt), "dateTime") })
      : "";
    switch (failure.reason) {
      case "RECORD_NOT_FOUND":
      case "CAA_FORBIDS":
        return t(`acmeFailure.${failure.reason}`);
      case "RATE_LIMITED":
        return t("acmeFailure.RATE_LIMITED", { retry });
      case "CA_UNREACHABLE":
      case "CA_ERROR":
      case "BAD_NONCE":
        return t("acmeFailure.CA_UNREACHABLE", { retry });
      default:
        return t("acmeFailure.OTHER", { reason: failure.reason });
    }
  };
  const [message, setMessage] = useState<Message | null>(null);
  const { validation } = data;
  const verify = useMutation({
    mutationFn: () => verifyRenewalNowAction({ certificateId: data.id }),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: certificateKeys.all });
      await queryClient.invalidateQueries({ queryKey: accountKeys.all });
      if (!result.ok) return setMessage({ tone: "destructive", text: result.message, details: [] });
      const { outcome, values, targets } = result.data;
      const details = (targets ?? []).filter((check) => !check.found).map((check) => describeCheck(check));
      if (outcome === "not-found" && values && values.length > 0 && (targets ?? []).length <= 1) {
        return setMessage({
          tone: "warning",
          text: t("result.found-other", { values: values.join(", ") }),
          details: [],
        });
      }
      setMessage({
        tone: outcome === "issued" || outcome === "validated" ? "default" : "warning",
        text: t(
          outcome === "not-found" && data.validation.method === "FILE" ? "result.not-found-file" : `result.${outcome}`,
        ),
        details,
      });
    },
  });

  function describeCheck(check: TargetCheck): string {
    if (check.kind === "DNS") {
      if (check.lookupFailed) return t("check.dnsLookupFailed", { name: check.name });
      return check.values.length > 0
        ? t("check.dnsOther", { name: check.name, values: check.values.join(", ") })
        : t("check.dnsMissing", { name: check.name });
    }
    const { file } = check;
    switch (file.outcome) {
      case "wrong-content":
        return t("check.fileWrongContent", { url: file.url, served: file.served });
      case "http-status":
        return t("check.fileStatus", { url: file.url, status: file.status });
      case "redirect-refused":
        return t("check.fileRedirect", { url: file.url, location: file.location });
      case "address-refused":
        return t("check.fileAddress", { url: file.url });
      case "timeout":
        return t("check.fileTimeout", { url: file.url });
      case "unreachable":
        return t("check.fileUnreachable", { url: file.url, code: file.code });
      default:
        return t("check.fileFound", { url: file.url });
    }
  }

  const targets = validation.targets;
  if (targets.length === 0) return null;
  const deadline = validation.deadline ? new Date(validation.deadline) : null;
  const method = validation.method ?? "DNS";
  const purchase = !readOnly && data.purchase?.status === "PAID" ? data.purchase : null;
  return (
    <Card data-testid="validation-card">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <ShieldQuestionIcon className="size-4 text-warning" aria-hidden />
          {t("title")}
        </CardTitle>
        <CardDescription>
          {method === "DNS_AUTO"
            ? t("autoDescription", { domain: data.domain })
            : method === "FILE"
              ? t("fileDescription", { count: targets.length })
              : t("manualDescription", { domain: data.domain, count: targets.length })}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <ul className="grid gap-3">
          {targets.map((target) =>
            target.kind === "DNS" ? (
              <li key={target.name} data-testid="validation-record">
                <dl className="grid gap-2 rounded-md border p-3">
                  <Row
                    label={t("recordName")}
                    value={target.name}
                    copy
                    testId="record-name"
                    copyLabel={t("copy")}
                    copiedLabel={t("copied")}
                  />
                  <Row label={t("recordType")} value={target.type} testId="record-type" />
                  <Row
                    label={t("recordValue")}
                    value={target.value}
                    copy
                    testId="record-value"
                    copyLabel={t("copy")}
                    copiedLabel={t("copied")}
                  />
                  <Row label={t("ttl")} value={String(target.ttl)} testId="record-ttl" />
                  <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                    {t("proves", { names: target.covers.join(", ") })}
                    {target.addedForYou && (
                      <Badge variant="outline" data-testid="record-added-for-you">
                        <CheckCircle2Icon className="text-success" aria-hidden />
                        {t("addedForYou")}
                      </Badge>
                    )}
                  </div>
                </dl>
              </li>
            ) : (
              <li key={target.host} data-testid="validation-file">
                <dl className="grid gap-2 rounded-md border p-3">
                  <Row
                    label={t("fileUrl")}
                    value={target.url}
                    copy
                    testId="file-url"
                    copyLabel={t("copy")}
                    copiedLabel={t("copied")}
                  />
                  <Row
                    label={t("fileContent")}
                    value={target.content}
                    copy
                    testId="file-content"
                    copyLabel={t("copy")}
                    copiedLabel={t("copied")}
                  />
                </dl>
              </li>
            ),
          )}
        </ul>
        {method === "FILE" && (
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <Button
              variant="outline"
              size="sm"
              onClick={() => downloadText(FILE_VALIDATION_NAME, validation.recordValue ?? "")}
              data-testid="file-download"
            >
              <DownloadIcon aria-hidden />
              {t("fileDownload", { name: FILE_VALIDATION_NAME })}
            </Button>
            <span className="text-xs text-muted-foreground">{t("fileHint")}</span>
          </div>
        )}
        {deadline && (
          <p className="text-sm" data-testid="validation-deadline">
            {t(data.purchase ? (data.purchase.priceMinor > 0 ? "orderDeadline" : "orderDeadlineFree") : "deadline", {
              date: format.dateTime(deadline, "dateTime"),
            })}{" "}
            <span className="font-medium text-warning">
              (
              {t("timeLeft", {
                days: Math.max(0, Math.floor((deadline.getTime() - Date.parse(data.asOf)) / 86_400_000)),
              })}
              )
            </span>
          </p>
        )}
        {validation.acmeFailure && (
          <Alert variant="warning" data-testid="acme-failure">
            <AlertDescription>{acmeFailureText(validation.acmeFailure)}</AlertDescription>
          </Alert>
        )}
        <div className="flex flex-wrap items-center gap-3">
          {!readOnly && (
            <Button onClick={() => verify.mutate()} disabled={verify.isPending} data-testid="verify-now">
              {verify.isPending ? t("verifying") : t("verifyNow")}
            </Button>
          )}
          {purchase && <CancelOrderDialog certificateId={data.id} domain={data.domain} purchase={purchase} />}
          <span className="text-xs text-muted-foreground">
            {validation.checkedAt
              ? t("lastChecked", { date: format.dateTime(new Date(validation.checkedAt), "dateTime") })
              : t("neverChecked")}
          </span>
        </div>
        {message && (
          <Alert variant={message.tone} data-testid="verify-result">
            <AlertDescription className="grid gap-1">
              <p>{message.text}</p>
              {message.details.length > 0 && (
                <ul className="list-disc pl-5 break-all" data-testid="verify-details">
                  {message.details.map((detail) => (
                    <li key={detail}>{detail}</li>
                  ))}
                </ul>
              )}
            </AlertDescription>
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}

function Row({
  label,
  value,
  copy,
  testId,
  copyLabel = "",
  copiedLabel = "",
}: {
  label: string;
  value: string;
  copy?: boolean;
  testId: string;
  copyLabel?: string;
  copiedLabel?: string;
}) {
  return (
    <div className="grid items-center gap-1 sm:grid-cols-[8rem_1fr_auto]">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="font-mono text-sm break-all" data-testid={testId}>
        {value}
      </dd>
      {copy ? <CopyButton value={value} label={`${copyLabel} ${label}`} copiedLabel={copiedLabel} /> : <span />}
    </div>
  );
}

/** Saves `content` as a file named `name`, made in the browser (nothing is fetched). */
function downloadText(name: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: "text/plain" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
}

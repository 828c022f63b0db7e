"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ShieldQuestionIcon } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { verifyRenewalNowAction } from "@/app/(console)/certificates/actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import type { CertificateDetail } from "@/lib/certificates/get-certificate-detail";
import { VALIDATION_RECORD_TTL, VALIDATION_RECORD_TYPE } from "@/lib/dns/validation-record";
import { accountKeys } from "@/lib/queries/account";
import { certificateKeys } from "@/lib/queries/certificates";

/** The record to add (or that we added), the deadline, and "Verify now" (not when read-only). */
export function ValidationCard({ data, readOnly = false }: { data: CertificateDetail; readOnly?: boolean }) {
  const t = useTranslations("renewal.validation");
  const format = useFormatter();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<{ tone: "default" | "warning" | "destructive"; text: string } | null>(null);
  const { validation } = data;
  const verify = useMutation({
    mutationFn: () => verifyRenewalNowAction({ certificateId: data.id }),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: certificateKeys.all });
      await queryClient.invalidateQueries({ queryKey: accountKeys.all });
      if (!result.ok) return setMessage({ tone: "destructive", text: result.message });
      const { outcome, values } = result.data;
      if (outcome === "not-found" && values && values.length > 0) {
        return setMessage({ tone: "warning", text: t("result.found-other", { values: values.join(", ") }) });
      }
      setMessage({
        tone: outcome === "issued" || outcome === "validated" ? "default" : "warning",
        text: t(`result.${outcome}`),
      });
    },
  });

  if (!validation.recordName || !validation.recordValue) return null;
  const deadline = validation.deadline ? new Date(validation.deadline) : null;
  const rows = [
    { label: t("recordName"), value: validation.recordName, copy: true, testId: "record-name" },
    { label: t("recordType"), value: VALIDATION_RECORD_TYPE, copy: false, testId: "record-type" },
    { label: t("recordValue"), value: validation.recordValue, copy: true, testId: "record-value" },
    { label: t("ttl"), value: String(VALIDATION_RECORD_TTL), copy: false, testId: "record-ttl" },
  ];
  return (
    <Card data-testid="validation-card">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <ShieldQuestionIcon className="size-4 text-warning" aria-hidden />
          {t("title")}
        </CardTitle>
        <CardDescription>
          {validation.method === "DNS_AUTO"
            ? t("autoDescription", { domain: data.domain })
            : t("manualDescription", { domain: data.domain })}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <dl className="grid gap-2 rounded-md border p-3">
          {rows.map((row) => (
            <div key={row.label} className="grid items-center gap-1 sm:grid-cols-[8rem_1fr_auto]">
              <dt className="text-xs text-muted-foreground">{row.label}</dt>
              <dd className="font-mono text-sm break-all" data-testid={row.testId}>
                {row.value}
              </dd>
              {row.copy ? (
                <CopyButton value={row.value} label={`${t("copy")} ${row.label}`} copiedLabel={t("copied")} />
              ) : (
                <span />
              )}
            </div>
          ))}
        </dl>
        {deadline && (
          <p className="text-sm">
            {t("deadline", { date: format.dateTime(deadline, "dateTime") })}{" "}
            <span className="font-medium text-warning">
              (
              {t("timeLeft", {
                days: Math.max(0, Math.floor((deadline.getTime() - Date.parse(data.asOf)) / 86_400_000)),
              })}
              )
            </span>
          </p>
        )}
        <div className="flex flex-wrap items-center gap-3">
          {!readOnly && (
            <Button onClick={() => verify.mutate()} disabled={verify.isPending}>
              {verify.isPending ? t("verifying") : t("verifyNow")}
            </Button>
          )}
          <span className="text-xs text-muted-foreground">
            {validation.checkedAt
              ? t("lastChecked", { date: format.dateTime(new Date(validation.checkedAt), "dateTime") })
              : t("neverChecked")}
          </span>
        </div>
        {message && (
          <Alert variant={message.tone} data-testid="verify-result">
            <AlertDescription>{message.text}</AlertDescription>
          </Alert>
        )}
      </CardContent>
    </Card>
  );
}

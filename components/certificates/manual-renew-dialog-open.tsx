"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { AlertTriangleIcon, CheckCircle2Icon, XCircleIcon } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import type * as React from "react";
import { useState } from "react";
import { renewManuallyAction } from "@/app/(console)/certificates/actions";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { toast } from "@/components/ui/toast";
import { formatMoney } from "@/lib/money";
import { accountKeys } from "@/lib/queries/account";
import { certificateKeys, manualRenewalOfferQuery } from "@/lib/queries/certificates";

/** The manual renewal dialog, loaded when first opened (components/certificates/manual-renew-dialog.tsx). */
export function OpenManualRenewDialog({
  certificateId,
  domain,
  children,
}: {
  certificateId: string;
  domain: string;
  children: React.ReactElement;
}) {
  const [open, setOpen] = useState(true);
  const t = useTranslations("renewal");
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{children}</DialogTrigger>
      <DialogContent closeLabel={t("close")} data-testid="manual-renew-dialog">
        {open && <Body certificateId={certificateId} domain={domain} onDone={() => setOpen(false)} />}
      </DialogContent>
    </Dialog>
  );
}

function Body({ certificateId, domain, onDone }: { certificateId: string; domain: string; onDone: () => void }) {
  const t = useTranslations("renewal");
  const locale = useLocale();
  const format = useFormatter();
  const router = useRouter();
  const queryClient = useQueryClient();
  const offer = useQuery(manualRenewalOfferQuery(certificateId));
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: () => renewManuallyAction({ certificateId }),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: certificateKeys.all });
      await queryClient.invalidateQueries({ queryKey: accountKeys.all });
      if (!result.ok) {
        setError(result.message);
        return;
      }
      toast.success(result.data.issued ? t("renewedIssued", { domain }) : t("renewed", { domain }));
      onDone();
      router.push(`/certificates/${result.data.newCertificateId}`);
    },
  });
  const data = offer.data;
  const money = (amount: number, currency: string) => formatMoney(amount, currency, locale);
  return (
    <>
      <DialogHeader>
        <DialogTitle>{t("renewTitle")}</DialogTitle>
        <DialogDescription>{t("renewDescription", { domain })}</DialogDescription>
      </DialogHeader>
      {!data ? (
        <Skeleton className="h-32" />
      ) : (
        <div className="grid gap-4">
          {data.failures.length > 0 ? (
            <Alert variant="destructive" data-testid="manual-renew-eligibility">
              <XCircleIcon aria-hidden />
              <AlertTitle>{t("cannotRenew")}</AlertTitle>
              <AlertDescription>
                <ul className="list-disc pl-4">
                  {data.failures.map((failure) => (
                    <li key={failure}>{t(`manualFailure.${failure}`)}</li>
                  ))}
                </ul>
              </AlertDescription>
            </Alert>
          ) : (
            <Alert data-testid="manual-renew-eligibility">
              <CheckCircle2Icon aria-hidden className="text-success" />
              <AlertDescription>{t("canRenew")}</AlertDescription>
            </Alert>
          )}
          <dl className="grid gap-3 rounded-md border bg-muted/30 p-4 text-sm sm:grid-cols-2">
            <div className="grid gap-0.5">
              <dt className="text-xs text-muted-foreground">{t("fee")}</dt>
              <dd className="font-medium" data-testid="manual-renew-fee">
                {data.fee ? money(data.fee.amountMinor, data.fee.currency) : "—"}
              </dd>
            </div>
            <div className="grid gap-0.5">
              <dt className="text-xs text-muted-foreground">{t("balance")}</dt>
              <dd className="font-medium">{money(data.balance.amountMinor, data.balance.currency)}</dd>
            </div>
            <div className="grid gap-0.5 sm:col-span-2">
              <dt className="text-xs text-muted-foreground">{t("validUntil")}</dt>
              <dd className="font-medium">
                {data.renewalValidUntil ? format.dateTime(new Date(data.renewalValidUntil), "dateTime") : "—"}
              </dd>
              <dd className="text-xs text-muted-foreground">{t("validUntilRule")}</dd>
            </div>
          </dl>
          {data.failures.length === 0 && data.fee && data.shortfallMinor > 0 && (
            <Alert variant="warning">
              <AlertTriangleIcon aria-hidden />
              <AlertDescription className="grid gap-1">
                <p>{t("shortfall", { missing: money(data.shortfallMinor, data.fee.currency) })}</p>
                <Link href="/billing" className="font-medium underline underline-offset-4">
                  {t("goToBilling")}
                </Link>
              </AlertDescription>
            </Alert>
          )}
          {error && (
            <Alert variant="destructive" data-testid="manual-renew-error">
              <XCircleIcon aria-hidden />
              <AlertDescription>{error}</AlertDescription>
            </Alert>
          )}
        </div>
      )}
      <DialogFooter>
        <DialogClose asChild>
          <Button variant="outline">{t("close")}</Button>
        </DialogClose>
        {data?.fee && (
          <Button
            disabled={mutation.isPending || data.failures.length > 0 || data.shortfallMinor > 0}
            onClick={() => {
              setError(null);
              mutation.mutate();
            }}
          >
            {mutation.isPending
              ? t("confirming")
              : t("confirm", { fee: money(data.fee.amountMinor, data.fee.currency) })}
          </Button>
        )}
      </DialogFooter>
    </>
  );
}

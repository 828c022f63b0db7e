"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { AlertTriangleIcon, CheckCircle2Icon, InfoIcon, XCircleIcon } from "lucide-react";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import type * as React from "react";
import { useState } from "react";
import { disableAutoRenewalAction, enableAutoRenewalAction } from "@/app/(console)/certificates/actions";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogClose, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { QueryDialog, QueryDialogLoadState } from "@/components/ui/query-dialog";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/authed-action";
import { formatMoney } from "@/lib/money";
import { accountKeys } from "@/lib/queries/account";
import { autoRenewOfferQuery, certificateKeys } from "@/lib/queries/certificates";
import type { AutoRenewOffer } from "@/lib/renewal/get-auto-renew-offer";

type Props = { certificateId: string; domain: string; children: React.ReactElement };

/**
 * The Activate Auto-Renewal dialog: the rules as the server applies them, then enable or
 * deactivate. Loaded when first opened (components/certificates/auto-renew-dialog.tsx).
 */
export function OpenAutoRenewDialog({ certificateId, domain, children }: Props) {
  const [open, setOpen] = useState(true);
  const t = useTranslations("autoRenew");
  return (
    <QueryDialog
      open={open}
      onOpenChange={setOpen}
      trigger={children}
      closeLabel={t("close")}
      className="sm:max-w-xl"
      testId="auto-renew-dialog"
    >
      <AutoRenewDialogBody certificateId={certificateId} domain={domain} onDone={() => setOpen(false)} />
    </QueryDialog>
  );
}

function AutoRenewDialogBody({
  certificateId,
  domain,
  onDone,
}: {
  certificateId: string;
  domain: string;
  onDone: () => void;
}) {
  const t = useTranslations("autoRenew");
  const queryClient = useQueryClient();
  const offer = useQuery(autoRenewOfferQuery(certificateId));
  const [actionError, setActionError] = useState<string | null>(null);

  const mutation = useMutation({
    mutationFn: async (kind: "enable" | "disable"): Promise<ActionResult<void>> =>
      kind === "enable" ? enableAutoRenewalAction({ certificateId }) : disableAutoRenewalAction({ certificateId }),
    onSuccess: async (result, kind) => {
      await queryClient.invalidateQueries({ queryKey: certificateKeys.all });
      await queryClient.invalidateQueries({ queryKey: accountKeys.all });
      if (!result.ok) {
        setActionError(result.message);
        return;
      }
      toast.success(kind === "enable" ? t("enabled", { domain }) : t("disabled", { domain }));
      onDone();
    },
    onError: () => setActionError(t("loadError")),
  });

  const data = offer.data;
  const state = data?.certificate.autoRenewState;
  return (
    <>
      <DialogHeader>
        <DialogTitle>{state === "ON" ? t("manageTitle") : t("dialogTitle")}</DialogTitle>
        <DialogDescription>{t("dialogDescription", { domain })}</DialogDescription>
      </DialogHeader>

      <QueryDialogLoadState
        query={offer}
        labels={{ loading: t("loading"), loadError: t("loadError"), retry: t("retry") }}
        className="grid gap-3"
        skeletons={["h-12", "h-32"]}
      />
      {data && <OfferDetails offer={data} />}
      {actionError && (
        <Alert variant="destructive" data-testid="auto-renew-error">
          <XCircleIcon aria-hidden />
          <AlertDescription>{actionError}</AlertDescription>
        </Alert>
      )}

      <DialogFooter>
        <DialogClose asChild>
          <Button variant="outline">{t("close")}</Button>
        </DialogClose>
        {data && state === "ON" && !data.deactivationRefusal && (
          <Button variant="destructive" disabled={mutation.isPending} onClick={() => mutation.mutate("disable")}>
            {mutation.isPending ? t("deactivating") : t("deactivate")}
          </Button>
        )}
        {data && state !== "ON" && (
          <Button disabled={mutation.isPending || data.failures.length > 0} onClick={() => mutation.mutate("enable")}>
            {mutation.isPending ? t("confirming") : t("confirm")}
          </Button>
        )}
      </DialogFooter>
    </>
  );
}

function OfferDetails({ offer }: { offer: AutoRenewOffer }) {
  const t = useTranslations("autoRenew");
  const tc = useTranslations("certificates");
  const format = useFormatter();
  const locale = useLocale();
  const money = (amountMinor: number, currency: string) => formatMoney(amountMinor, currency, locale);
  const when = (iso: string | null) => (iso ? format.dateTime(new Date(iso), "dateTime") : "—");
  const { certificate, failures, fee } = offer;
  const onAndCancellable = certificate.autoRenewState === "ON" && !offer.deactivationRefusal;

  return (
    <div className="grid gap-4">
      <EligibilitySummary offer={offer} />

      <dl className="grid grid-cols-1 gap-x-6 gap-y-3 rounded-md border bg-muted/30 p-4 text-sm sm:grid-cols-2">
        <Detail label={t("expiresAt")} value={when(certificate.expiresAt)} />
        <Detail
          label={t("fee")}
          value={fee ? money(fee.amountMinor, fee.currency) : "—"}
          hint={fee ? t("feeReference") : undefined}
          testId="auto-renew-fee"
        />
        <Detail
          label={t("deductOn")}
          value={offer.deductsAtNextRun ? t("deductAtNextRun") : when(offer.deductAt)}
          hint={t("deductRule")}
          testId="auto-renew-deduct-at"
        />
        <Detail
          label={t("newValidity")}
          value={when(offer.renewalValidUntil)}
          hint={t("newValidityRule")}
          testId="auto-renew-valid-until"
        />
        <Detail
          label={t("balance")}
          value={money(offer.balance.amountMinor, offer.balance.currency)}
          testId="auto-renew-balance"
        />
        {offer.otherDueBeforeMinor > 0 && (
          <Detail label={t("otherDue")} value={money(offer.otherDueBeforeMinor, offer.balance.currency)} />
        )}
      </dl>

      {fee && offer.shortfallMinor > 0 && (failures.length === 0 || onAndCancellable) && (
        <Alert variant="warning" data-testid="auto-renew-shortfall">
          <AlertTriangleIcon aria-hidden />
          <AlertTitle>{t("shortfallTitle")}</AlertTitle>
          <AlertDescription className="grid gap-2">
            <p>
              {t("shortfall", {
                needed: money(fee.amountMinor + offer.otherDueBeforeMinor, fee.currency),
                balance: money(offer.balance.amountMinor, offer.balance.currency),
                missing: money(offer.shortfallMinor, fee.currency),
              })}
            </p>
            <Link href="/billing" className="font-medium underline underline-offset-4">
              {t("goToBilling")}
            </Link>
          </AlertDescription>
        </Alert>
      )}

      <details className="text-sm text-muted-foreground">
        <summary className="cursor-pointer font-medium text-foreground">{t("rulesTitle")}</summary>
        <ul className="mt-2 list-disc space-y-1 pl-5">
          <li>{t("rule1")}</li>
          <li>{t("rule2")}</li>
          <li>{t("rule3")}</li>
          <li>{t("rule4")}</li>
        </ul>
      </details>
      <span className="sr-only">{tc(`autoRenewState.${certificate.autoRenewState}`)}</span>
    </div>
  );
}

function EligibilitySummary({ offer }: { offer: AutoRenewOffer }) {
  const t = useTranslations("autoRenew");
  const tc = useTranslations("certificates");
  const { certificate, failures } = offer;
  if (offer.deactivationRefusal === "ALREADY_DEDUCTED") {
    return (
      <Alert data-testid="auto-renew-eligibility">
        <InfoIcon aria-hidden />
        <AlertDescription>{t("renewalUnderWay")}</AlertDescription>
      </Alert>
    );
  }
  if (certificate.autoRenewState === "ON") {
    return (
      <Alert data-testid="auto-renew-eligibility">
        <CheckCircle2Icon aria-hidden className="text-success" />
        <AlertDescription>{t("isOn")}</AlertDescription>
      </Alert>
    );
  }
  return (
    <div className="grid gap-2">
      {certificate.autoRenewState === "TERMINATED" && certificate.autoRenewEndReason && (
        <Alert variant="warning">
          <AlertTriangleIcon aria-hidden />
          <AlertDescription>
            {t("terminated", { reason: tc(`endReason.${certificate.autoRenewEndReason}`) })}
          </AlertDescription>
        </Alert>
      )}
      {failures.length === 0 ? (
        <Alert data-testid="auto-renew-eligibility">
          <CheckCircle2Icon aria-hidden className="text-success" />
          <AlertDescription>{t("eligible")}</AlertDescription>
        </Alert>
      ) : (
        <Alert variant="destructive" data-testid="auto-renew-eligibility">
          <XCircleIcon aria-hidden />
          <AlertTitle>{t("notEligible")}</AlertTitle>
          <AlertDescription>
            <ul className="mt-1 list-disc space-y-1 pl-4">
              {failures.map((failure) => (
                <li key={failure} data-failure={failure}>
                  {t(`failure.${failure}`)}
                </li>
              ))}
            </ul>
          </AlertDescription>
        </Alert>
      )}
    </div>
  );
}

function Detail({ label, value, hint, testId }: { label: string; value: string; hint?: string; testId?: string }) {
  return (
    <div className="grid content-start gap-0.5">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="font-medium" data-testid={testId}>
        {value}
      </dd>
      {hint && <dd className="text-xs text-muted-foreground">{hint}</dd>}
    </div>
  );
}

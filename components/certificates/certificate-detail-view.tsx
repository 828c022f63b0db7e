"use client";

import { useQuery } from "@tanstack/react-query";
import {
  ArrowLeftIcon,
  BanIcon,
  KeyRoundIcon,
  RefreshCwIcon,
  RotateCwIcon,
  Trash2Icon,
  XCircleIcon,
} from "lucide-react";
import Link from "next/link";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import type * as React from "react";
import { lazy, Suspense } from "react";
import { AutoRenewDialog } from "@/components/certificates/auto-renew-dialog";
import { AutoRenewBadge, StatusBadge } from "@/components/certificates/certificate-badges";
import {
  DeleteCertificateDialog,
  RevokeCertificateDialog,
} from "@/components/certificates/certificate-removal-dialogs";
import { ExpiryCell } from "@/components/certificates/expiry-cell";
import { ManualRenewDialog } from "@/components/certificates/manual-renew-dialog";
import { ReissueCertificateDialog } from "@/components/certificates/reissue-certificate-dialog";
import type { OrganizationReviewView } from "@/components/organization-review/organization-review-card";
import {
  CertificateFileActions,
  DeploymentSections,
  UpdateResourcesPrompt,
} from "@/components/resources/deployment-sections";
import { SimulatedBadge } from "@/components/resources/simulated-badge";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { waitsForIssuance } from "@/lib/certificates/deletion-rules";
import type { CertificateDetail } from "@/lib/certificates/get-certificate-detail";
import { formatMoney } from "@/lib/money";
import { isOrganizationReviewStatus } from "@/lib/organization-review/organization-review-rules";
import { certificateDetailQuery } from "@/lib/queries/certificates";
import { manualRenewalFlow } from "@/lib/renewal/auto-renew-rules";
import { cn } from "@/lib/utils";

// Only a certificate waiting for DNS validation shows this card, so only its page loads the
// code (rendered on the server as usual; the browser fetches it while hydrating).
// Likewise the organisation review card, for OV/EV orders before domain validation.
const OrganizationReviewCard = lazy(() =>
  import("@/components/organization-review/organization-review-card").then((module) => ({
    default: module.OrganizationReviewCard,
  })),
);
const ValidationCard = lazy(() =>
  import("@/components/certificates/validation-card").then((module) => ({ default: module.ValidationCard })),
);

export function CertificateDetailView({
  certificateId,
  extraSections,
  detail,
  linkBase = "/certificates",
  backLabel,
  readOnly = false,
  organizationReview,
}: {
  certificateId: string;
  extraSections?: React.ReactNode;
  /** The detail when the caller loads it (the admin dashboard); otherwise the customer's own is fetched. */
  detail?: CertificateDetail;
  /** The list the back link and the renewal history link to. */
  linkBase?: string;
  backLabel?: string;
  /** Without the owner's actions (auto-renewal, manual renewal, Verify now): for administrators. */
  readOnly?: boolean;
  /** OV/EV: the organisation under review, for its owner. */
  organizationReview?: OrganizationReviewView | null;
}) {
  const own = useQuery({ ...certificateDetailQuery(certificateId), enabled: !detail });
  const data = detail ?? own.data;
  const t = useTranslations("certificates");
  const tr = useTranslations("renewal");
  const locale = useLocale();
  if (!data) return null;
  return (
    <div className="grid gap-6">
      <div>
        <Link
          href={linkBase}
          className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground"
        >
          <ArrowLeftIcon className="size-4" aria-hidden />
          {backLabel ?? t("detail.back")}
        </Link>
        <div className="mt-2 flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0">
            <h1 className="truncate text-2xl font-semibold tracking-tight" data-testid="certificate-domain">
              {data.domain}
            </h1>
            <div className="mt-1 flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
              <span className="font-mono">{data.id}</span>
              {data.alias && <span>· {data.alias}</span>}
              <StatusBadge status={data.status} reissuing={data.reissue.reissuingId !== null} />
              <AutoRenewBadge state={data.autoRenewState} reason={data.autoRenewEndReason} />
            </div>
          </div>
          <div className="flex flex-wrap gap-2">
            {!readOnly && (data.status === "ISSUED" || data.status === "EXPIRED") && (
              <CertificateFileActions certificateId={data.id} domain={data.domain} />
            )}
            {!readOnly &&
              canRenewNow(data) &&
              (manualRenewalFlow(data.certificateType) === "ORDER" ? (
                // OV/EV: the order form, prefilled for this certificate (the organisation is reviewed again).
                <Button variant="outline" asChild data-testid="renew-now">
                  <Link href={`/certificates/buy?renew=${encodeURIComponent(data.id)}`}>
                    <RotateCwIcon aria-hidden />
                    {tr("renewNow")}
                  </Link>
                </Button>
              ) : (
                <ManualRenewDialog certificateId={data.id} domain={data.domain}>
                  <Button variant="outline" data-testid="renew-now">
                    <RotateCwIcon aria-hidden />
                    {tr("renewNow")}
                  </Button>
                </ManualRenewDialog>
              ))}
            {/* Uploaded certificates get the dialog too: it says why they cannot be enrolled. */}
            {!readOnly && data.status === "ISSUED" && (
              <AutoRenewDialog certificateId={data.id} domain={data.domain}>
                <Button>
                  <RefreshCwIcon aria-hidden />
                  {data.autoRenewState === "ON" ? t("manageAutoRenew") : t("activate")}
                </Button>
              </AutoRenewDialog>
            )}
            {!readOnly && data.status === "ISSUED" && data.source !== "UPLOADED" && !data.reissue.reissuingId && (
              <ReissueCertificateDialog
                certificateId={data.id}
                domain={data.domain}
                covered={[data.domain, ...data.sans.filter((name) => name !== data.domain)]}
                fileAllowed={![data.domain, ...data.sans].some((name) => name.startsWith("*."))}
              >
                <Button variant="outline" data-testid="reissue-certificate">
                  <KeyRoundIcon aria-hidden />
                  {t("reissue.open")}
                </Button>
              </ReissueCertificateDialog>
            )}
            {!readOnly && data.status === "ISSUED" && data.source !== "UPLOADED" && (
              <RevokeCertificateDialog certificateId={data.id} domain={data.domain}>
                <Button variant="outline" data-testid="revoke-certificate">
                  <BanIcon aria-hidden />
                  {t("revoke.open")}
                </Button>
              </RevokeCertificateDialog>
            )}
            {!readOnly && !waitsForIssuance(data.status) && (
              <DeleteCertificateDialog certificateId={data.id} domain={data.domain} afterDelete={linkBase}>
                <Button variant="outline" data-testid="delete-certificate">
                  <Trash2Icon aria-hidden />
                  {t("delete.open")}
                </Button>
              </DeleteCertificateDialog>
            )}
          </div>
        </div>
      </div>

      {!readOnly && <UpdateResourcesPrompt certificateId={data.id} domain={data.domain} />}
      {data.reissue.reissuingId && (
        <Alert data-testid="reissue-in-progress">
          <KeyRoundIcon aria-hidden />
          <AlertDescription>
            {t("reissue.inProgress")}{" "}
            <Link href={`${linkBase}/${data.reissue.reissuingId}`} className="font-medium underline">
              {t("reissue.openNew")}
            </Link>
          </AlertDescription>
        </Alert>
      )}
      {data.reissue.replacesId && (
        <Alert data-testid="reissue-of">
          <KeyRoundIcon aria-hidden />
          <AlertDescription>
            {data.status === "ISSUED" ? t("reissue.replacedDone") : t("reissue.replacing")}{" "}
            <Link href={`${linkBase}/${data.reissue.replacesId}`} className="font-medium underline">
              {t("reissue.openOld")}
            </Link>
          </AlertDescription>
        </Alert>
      )}
      {data.status === "VALIDATION_FAILED" && (
        <Alert variant="destructive" data-testid="validation-timed-out">
          <XCircleIcon aria-hidden />
          <AlertDescription>
            {data.purchase ? tr("validation.orderTimedOut") : tr("validation.timedOut")}
          </AlertDescription>
        </Alert>
      )}
      {data.status === "CANCELED" && data.purchase && (
        <Alert data-testid="order-canceled">
          <XCircleIcon aria-hidden />
          <AlertDescription>
            {data.purchase.priceMinor > 0
              ? t("order.canceledRefunded", {
                  refund: formatMoney(data.purchase.priceMinor, data.purchase.currency, locale),
                })
              : t("order.canceledFree")}
          </AlertDescription>
        </Alert>
      )}
      {!readOnly && organizationReview && isOrganizationReviewStatus(data.status) && (
        <Suspense fallback={null}>
          <OrganizationReviewCard
            certificateId={data.id}
            domain={data.domain}
            status={data.status}
            review={organizationReview}
            purchase={data.purchase}
          />
        </Suspense>
      )}
      {(data.status === "PENDING_VALIDATION" || data.status === "DNS_RECORD_ADDED") && (
        <Suspense fallback={null}>
          <ValidationCard data={data} readOnly={readOnly} />
        </Suspense>
      )}
      <div className="grid gap-6 lg:grid-cols-3">
        <OverviewCard data={data} />
        <AutoRenewCard data={data} />
      </div>
      {!readOnly && <DeploymentSections certificateId={data.id} />}
      {extraSections}
      <HistoryCard data={data} linkBase={linkBase} />
      <div className="grid gap-6 lg:grid-cols-2">
        <LedgerCard data={data} />
        <ResourcesCard data={data} />
      </div>
    </div>
  );
}

/** Within 30 days of expiry with auto-renewal off or terminated: the dialog has the full rules. */
function canRenewNow(data: CertificateDetail): boolean {
  return (
    data.source === "PURCHASED" &&
    data.status === "ISSUED" &&
    data.daysRemaining !== null &&
    data.daysRemaining < 30 &&
    data.autoRenewState !== "ON" &&
    !data.renewalPaid
  );
}

function Field({ label, children, mono }: { label: string; children: React.ReactNode; mono?: boolean }) {
  return (
    <div className="grid content-start gap-1">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className={cn("text-sm break-words", mono && "font-mono text-xs")}>{children}</dd>
    </div>
  );
}

function OverviewCard({ data }: { data: CertificateDetail }) {
  const t = useTranslations("certificates");
  const format = useFormatter();
  const when = (iso: string | null) => (iso ? format.dateTime(new Date(iso), "dateTime") : "—");
  return (
    <Card className="lg:col-span-2">
      <CardHeader>
        <CardTitle>{t("detail.overview")}</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-2">
          <Field label={t("detail.id")} mono>
            {data.id}
          </Field>
          <Field label={t("detail.alias")}>{data.alias ?? t("noAlias")}</Field>
          <Field label={t("detail.domain")}>{data.domain}</Field>
          <Field label={t("detail.sans")}>
            {data.sans.length === 0 ? (
              t("detail.noSans")
            ) : (
              <ul className="grid gap-0.5" data-testid="certificate-sans">
                {data.sans.map((san) => (
                  <li key={san}>{san}</li>
                ))}
              </ul>
            )}
          </Field>
          <Field label={t("detail.brand")}>{data.brand}</Field>
          <Field label={t("detail.type")}>
            {t(`type.${data.certificateType}`)} · {t(`domainType.${data.domainType}`)}
          </Field>
          <Field label={t("detail.source")}>{t(`source.${data.source}`)}</Field>
          {data.issuedBy && (
            <Field label={t("detail.issuedBy")}>
              {data.issuedBy.kind === "acme" ? (
                data.issuedBy.name
              ) : (
                <span className="flex flex-wrap items-center gap-2" data-testid="built-in-ca">
                  {t("detail.builtInCa")}
                  <Badge variant="warning">{t("detail.notPubliclyTrusted")}</Badge>
                </span>
              )}
            </Field>
          )}
          <Field label={t("detail.validityPeriod")}>{t("detail.years", { years: data.validityYears })}</Field>
          <Field label={t("detail.notBefore")}>{when(data.notBefore)}</Field>
          <Field label={t("detail.expiresAt")}>
            <ExpiryCell
              expiresAt={data.expiresAt}
              daysRemaining={data.daysRemaining}
              expired={data.status === "EXPIRED"}
            />
          </Field>
          <Field label={t("detail.tags")}>
            {data.tags.length === 0 ? (
              t("detail.noTags")
            ) : (
              <span className="flex flex-wrap gap-1">
                {data.tags.map((tag) => (
                  <Badge key={tag} variant="outline">
                    {tag}
                  </Badge>
                ))}
              </span>
            )}
          </Field>
          {data.keyAlgorithm && (
            <Field label={t("detail.key")}>
              <span data-testid="certificate-key">
                {t(`keyAlgorithm.${data.keyAlgorithm}`)}
                {data.fromCsr && <span className="block text-xs text-muted-foreground">{t("detail.keyFromCsr")}</span>}
              </span>
            </Field>
          )}
          {data.revocation && (
            <>
              <Field label={t("detail.revokedAt")}>
                <span data-testid="certificate-revoked-at">{when(data.revocation.at)}</span>
              </Field>
              {data.revocation.reason && (
                <Field label={t("detail.revocationReason")}>
                  <span data-testid="certificate-revocation-reason">
                    {t(`revoke.reasons.${data.revocation.reason}`)}
                  </span>
                </Field>
              )}
            </>
          )}
          {data.serialNumber && (
            <Field label={t("detail.serial")} mono>
              {data.serialNumber}
            </Field>
          )}
          {data.fingerprintSha256 && (
            <Field label={t("detail.fingerprint")} mono>
              {data.fingerprintSha256}
            </Field>
          )}
        </dl>
      </CardContent>
    </Card>
  );
}

function AutoRenewCard({ data }: { data: CertificateDetail }) {
  const t = useTranslations("certificates");
  const format = useFormatter();
  return (
    <Card data-testid="auto-renew-card">
      <CardHeader>
        <CardTitle>{t("detail.autoRenew")}</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-3 text-sm">
        <div>
          <AutoRenewBadge state={data.autoRenewState} reason={data.autoRenewEndReason} />
        </div>
        {data.autoRenewChangedAt && (
          <p className="text-muted-foreground">
            {t("detail.autoRenewSince", { date: format.dateTime(new Date(data.autoRenewChangedAt), "dateTime") })}
          </p>
        )}
        {data.autoRenewEndReason && (
          <p data-testid="auto-renew-reason">
            {t("detail.autoRenewWhy", { reason: t(`endReason.${data.autoRenewEndReason}`) })}
          </p>
        )}
        {data.nextDeductionAt && (
          <p>{t("detail.nextDeduction", { date: format.dateTime(new Date(data.nextDeductionAt), "dateTime") })}</p>
        )}
        {data.renewalPaid && <p className="text-muted-foreground">{t("renewalPaid")}</p>}
      </CardContent>
    </Card>
  );
}

function HistoryCard({ data, linkBase }: { data: CertificateDetail; linkBase: string }) {
  const t = useTranslations("certificates");
  const format = useFormatter();
  const locale = useLocale();
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("detail.history")}</CardTitle>
        <CardDescription>{t("detail.historyDescription")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {data.chain.length <= 1 ? (
          !data.purchase && <p className="text-sm text-muted-foreground">{t("detail.noHistory")}</p>
        ) : (
          <ol className="grid gap-2" data-testid="renewal-chain">
            {data.chain.map((link) => (
              <li
                key={link.id}
                className={cn(
                  "flex flex-wrap items-center gap-3 rounded-md border px-3 py-2 text-sm",
                  link.id === data.id && "border-primary bg-primary/5",
                )}
              >
                {link.id === data.id ? (
                  <span className="font-mono text-xs font-medium">{link.id}</span>
                ) : (
                  <Link href={`${linkBase}/${link.id}`} className="font-mono text-xs text-primary hover:underline">
                    {link.id}
                  </Link>
                )}
                <StatusBadge status={link.status} />
                <span className="text-muted-foreground">
                  {link.notBefore ? format.dateTime(new Date(link.notBefore), "date") : "—"} →{" "}
                  {link.expiresAt ? format.dateTime(new Date(link.expiresAt), "dateZone") : "—"}
                </span>
                {link.id === data.id && <Badge variant="outline">{t("detail.thisCertificate")}</Badge>}
              </li>
            ))}
          </ol>
        )}
        {data.purchase && (
          <div className="min-w-0" data-testid="certificate-order">
            <h3 className="mb-2 text-sm font-medium">{t("order.title")}</h3>
            <dl className="grid gap-2 text-sm sm:grid-cols-3">
              <Field label={t(`order.kind.${data.purchase.kind}`)}>
                {format.dateTime(new Date(data.purchase.createdAt), "dateTime")}
              </Field>
              <Field label={t("columns.status")}>{t(`order.status.${data.purchase.status}`)}</Field>
              <Field label={t("detail.fee")}>
                <span className="tabular-nums">
                  {formatMoney(data.purchase.priceMinor, data.purchase.currency, locale)}
                </span>
                {data.purchase.autoRenew && (
                  <span className="block text-xs text-muted-foreground">{t("order.autoRenewOrdered")}</span>
                )}
              </Field>
            </dl>
          </div>
        )}
        {data.orders.length > 0 && (
          // min-w-0: the table scrolls inside the card instead of widening the page on phones.
          <div className="min-w-0">
            <h3 className="mb-2 text-sm font-medium">{t("detail.orders")}</h3>
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>ID</TableHead>
                  <TableHead>{t("columns.status")}</TableHead>
                  <TableHead className="text-right">{t("detail.fee")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.orders.map((order) => (
                  <TableRow key={order.id}>
                    <TableCell className="font-mono text-xs">
                      {order.id}
                      <div className="font-sans text-muted-foreground">
                        {format.dateTime(new Date(order.createdAt), "dateTime")}
                      </div>
                    </TableCell>
                    <TableCell>{t(`orderStatus.${order.status}`)}</TableCell>
                    <TableCell className="text-right tabular-nums">
                      {formatMoney(order.priceMinor, order.currency, locale)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        )}
      </CardContent>
    </Card>
  );
}

function LedgerCard({ data }: { data: CertificateDetail }) {
  const t = useTranslations("certificates");
  const format = useFormatter();
  const locale = useLocale();
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t("detail.ledger")}</CardTitle>
        <CardDescription>{t("detail.ledgerDescription")}</CardDescription>
      </CardHeader>
      <CardContent>
        {data.ledger.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("detail.noLedger")}</p>
        ) : (
          <ul className="grid gap-2" data-testid="certificate-ledger">
            {data.ledger.map((entry) => (
              <li key={entry.id} className="flex items-center justify-between gap-3 text-sm">
                <div>
                  <div>{t(`ledgerKind.${entry.kind}`)}</div>
                  <div className="text-xs text-muted-foreground">
                    {format.dateTime(new Date(entry.createdAt), "dateTime")}
                  </div>
                </div>
                <span
                  className={cn(
                    "font-medium tabular-nums",
                    entry.amountMinor < 0 ? "text-destructive" : "text-success",
                  )}
                >
                  {entry.amountMinor > 0 ? "+" : ""}
                  {formatMoney(entry.amountMinor, entry.currency, locale)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

function ResourcesCard({ data }: { data: CertificateDetail }) {
  const t = useTranslations("certificates");
  return (
    <Card>
      <CardHeader>
        <CardTitle className="flex flex-wrap items-center gap-2">
          {t("detail.resources")}
          <SimulatedBadge />
        </CardTitle>
      </CardHeader>
      <CardContent>
        {data.resources.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t("detail.noResources")}</p>
        ) : (
          <ul className="grid gap-2" data-testid="certificate-resources">
            {data.resources.map((resource) => (
              <li key={resource.id} className="flex items-center justify-between gap-3 text-sm">
                <span className="font-medium">{resource.name}</span>
                <span className="text-muted-foreground">
                  {t(`resourceType.${resource.type}`)} · {resource.region}
                </span>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

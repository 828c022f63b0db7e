import { InfoIcon, XCircleIcon } from "lucide-react";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { RenewalOrderOffer } from "@/lib/orders/get-renewal-order-offer";

/**
 * The top of the order page for an OV/EV renewal, rendered on the server: which certificate
 * it renews and until when the renewal is valid, or why it cannot be renewed now.
 */
export async function RenewalOrderNotice({ renewal }: { renewal: RenewalOrderOffer["renewal"] }) {
  const [t, tr, format] = await Promise.all([
    getTranslations("certificateOrder.renewal"),
    getTranslations("renewal"),
    getFormatter(),
  ]);
  const date = (iso: string | null) => (iso ? format.dateTime(new Date(iso), "dateTime") : "—");
  if (renewal.failures.length > 0) {
    return (
      <Alert variant="destructive" className="mb-6 max-w-3xl" data-testid="renewal-order-refused">
        <XCircleIcon aria-hidden />
        <AlertTitle>{t("cannotRenew", { domain: renewal.domain })}</AlertTitle>
        <AlertDescription className="grid gap-2">
          <ul className="list-disc pl-4">
            {renewal.failures.map((failure) => (
              <li key={failure}>{tr(`manualFailure.${failure}`)}</li>
            ))}
          </ul>
          <p>
            <Button asChild size="sm" variant="outline">
              <Link href={`/certificates/${renewal.certificateId}`}>{t("back")}</Link>
            </Button>
          </p>
        </AlertDescription>
      </Alert>
    );
  }
  return (
    <Alert className="mb-6 max-w-3xl" data-testid="renewal-order-notice">
      <InfoIcon aria-hidden />
      <AlertTitle>{t("renews", { domain: renewal.domain })}</AlertTitle>
      <AlertDescription className="grid gap-1">
        <p>{t("expires", { date: date(renewal.expiresAt) })}</p>
        <p data-testid="renewal-order-valid-until">{t("validUntil", { date: date(renewal.validUntil) })}</p>
        <p>{t("review")}</p>
      </AlertDescription>
    </Alert>
  );
}

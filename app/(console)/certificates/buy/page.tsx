import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/console/page-header";
import { CertificateOrderForm } from "@/components/orders/certificate-order-form";
import { RenewalOrderNotice } from "@/components/orders/renewal-order-notice";
import { requireUser } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { getOrderCatalogue } from "@/lib/orders/get-order-catalogue";
import { getRenewalOrderOffer } from "@/lib/orders/get-renewal-order-offer";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** `?renew=<certificate id>`: an OV/EV renewal of one of the customer's certificates. */
function renewalId(query: Record<string, string | string[] | undefined>): string | null {
  const value = query.renew;
  return typeof value === "string" && value.length > 0 && value.length <= 64 ? value : null;
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const [t, query] = await Promise.all([getTranslations("certificateOrder"), searchParams]);
  if (renewalId(query)) return { title: t("renewal.pageTitle") };
  return { title: query.free === "1" ? t("apply.title") : t("buy.title") };
}

/**
 * Buy a certificate, or apply for a free one (`?free=1`), or renew an OV/EV certificate
 * (`?renew=<id>`); `?resume=1` after a top-up restores the draft.
 */
export default async function CertificateOrderPage({ searchParams }: Props) {
  const [user, t, query] = await Promise.all([requireUser(), getTranslations("certificateOrder"), searchParams]);
  const renew = renewalId(query);
  if (renew) {
    const offer = await getRenewalOrderOffer(user.id, renew, await now());
    if (!offer) notFound();
    const { renewal, catalogue } = offer;
    return (
      <>
        <PageHeader
          title={t("renewal.title", { domain: renewal.domain })}
          description={t("renewal.description", {
            brand: renewal.brand,
            type: renewal.certificateType,
          })}
        />
        <RenewalOrderNotice renewal={renewal} />
        {renewal.failures.length === 0 && (
          <CertificateOrderForm
            key={renewal.certificateId}
            catalogue={catalogue}
            resume={query.resume === "1"}
            renewal={{
              certificateId: renewal.certificateId,
              domain: renewal.domain,
              names: renewal.names,
              organization: renewal.organization,
            }}
          />
        )}
      </>
    );
  }
  const flow = query.free === "1" ? "FREE" : "PURCHASE";
  const catalogue = await getOrderCatalogue(user.id, flow);
  return (
    <>
      <PageHeader
        title={flow === "FREE" ? t("apply.title") : t("buy.title")}
        description={
          flow === "FREE"
            ? t("apply.description", { held: catalogue.free.held, limit: catalogue.free.limit })
            : t("buy.description")
        }
      />
      <CertificateOrderForm key={flow} catalogue={catalogue} resume={query.resume === "1"} />
    </>
  );
}

import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/console/page-header";
import { CertificateOrderForm } from "@/components/orders/certificate-order-form";
import { requireUser } from "@/lib/auth/session";
import { getOrderCatalogue } from "@/lib/orders/get-order-catalogue";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const [t, query] = await Promise.all([getTranslations("certificateOrder"), searchParams]);
  return { title: query.free === "1" ? t("apply.title") : t("buy.title") };
}

/** Buy a certificate, or apply for a free one (`?free=1`); `?resume=1` after a top-up restores the draft. */
export default async function CertificateOrderPage({ searchParams }: Props) {
  const [user, t, query] = await Promise.all([requireUser(), getTranslations("certificateOrder"), searchParams]);
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

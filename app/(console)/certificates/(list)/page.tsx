import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { UploadIcon } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CertificateTable } from "@/components/certificates/certificate-table";
import { PageHeader } from "@/components/console/page-header";
import { OrderEntryLinks } from "@/components/orders/order-entry-links";
import { Button } from "@/components/ui/button";
import { requireUser } from "@/lib/auth/session";
import { parseCertificateListParams } from "@/lib/certificates/certificate-list-params";
import { listCertificates } from "@/lib/certificates/list-certificates";
import { now } from "@/lib/clock";
import { certificateKeys } from "@/lib/queries/certificates";
import { getQueryClient } from "@/lib/queries/query-client";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("certificates");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CertificatesPage({ searchParams }: Props) {
  const [user, t, tu, query, today] = await Promise.all([
    requireUser(),
    getTranslations("certificates"),
    getTranslations("upload"),
    searchParams,
    now(),
  ]);
  const params = parseCertificateListParams(query);
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery({
    queryKey: certificateKeys.list(params),
    queryFn: () => listCertificates(user.id, params, today),
  });
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <>
            <Button variant="outline" asChild>
              <Link href="/certificates/upload" data-testid="upload-certificate">
                <UploadIcon aria-hidden />
                {tu("open")}
              </Link>
            </Button>
            <OrderEntryLinks />
          </>
        }
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <CertificateTable />
      </HydrationBoundary>
    </>
  );
}

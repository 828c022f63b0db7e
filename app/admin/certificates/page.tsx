import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AdminCertificateTable } from "@/components/admin/admin-certificate-table";
import { PageHeader } from "@/components/console/page-header";
import { parseAdminCertificateListParams } from "@/lib/admin/admin-certificate-list-params";
import { listAllCertificates } from "@/lib/admin/list-all-certificates";
import { requireAdminPage } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { adminKeys } from "@/lib/queries/admin";
import { getQueryClient } from "@/lib/queries/query-client";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.certificates");
  return { title: t("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminCertificatesPage({ searchParams }: Props) {
  const [user, t, query, today] = await Promise.all([
    requireAdminPage(),
    getTranslations("admin.certificates"),
    searchParams,
    now(),
  ]);
  const params = parseAdminCertificateListParams(query);
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery({
    queryKey: adminKeys.certificateList(params),
    queryFn: () => listAllCertificates(user, params, today),
  });
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <AdminCertificateTable />
      </HydrationBoundary>
    </>
  );
}

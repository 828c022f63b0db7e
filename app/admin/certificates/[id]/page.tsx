import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AdminCertificateDetail } from "@/components/admin/admin-certificate-detail";
import { AdminReviewSummaryCard } from "@/components/organization-review/admin-review-summary-card";
import { getAdminCertificateDetail } from "@/lib/admin/get-admin-certificate-detail";
import { requireAdminPage } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { getAdminOrganizationReview } from "@/lib/organization-review/get-admin-organization-review";
import { adminKeys } from "@/lib/queries/admin";
import { getQueryClient } from "@/lib/queries/query-client";
import { isLookupId } from "@/lib/text/storable-text";

type Props = { params: Promise<{ id: string }> };

// Metadata and page share one load per request.
const loadDetail = cache(async (id: string) => {
  const user = await requireAdminPage();
  return isLookupId(id) ? getAdminCertificateDetail(user, id, await now()) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: (await loadDetail(id))?.domain ?? id };
}

export default async function AdminCertificatePage({ params }: Props) {
  const { id } = await params;
  const [detail, user] = await Promise.all([loadDetail(id), requireAdminPage()]);
  if (!detail) notFound();
  const review =
    detail.certificateType === "DV" ? null : await getAdminOrganizationReview({ actor: user, certificateId: id });
  const queryClient = getQueryClient();
  queryClient.setQueryData(adminKeys.certificate(id), detail);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <AdminCertificateDetail
        certificateId={id}
        reviewSection={review ? <AdminReviewSummaryCard review={review} /> : undefined}
      />
    </HydrationBoundary>
  );
}

import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CertificateDetailView } from "@/components/certificates/certificate-detail-view";
import { requireUser } from "@/lib/auth/session";
import { getCertificateDetail } from "@/lib/certificates/get-certificate-detail";
import { now } from "@/lib/clock";
import { certificateKeys } from "@/lib/queries/certificates";
import { getQueryClient } from "@/lib/queries/query-client";
import { resourceKeys } from "@/lib/queries/resources";
import { getCertificateDeployment } from "@/lib/resources/get-certificate-deployment";
import { isLookupId } from "@/lib/text/storable-text";

type Props = { params: Promise<{ id: string }> };

// Metadata and page share one load per request.
const loadDetail = cache(async (id: string) => {
  const user = await requireUser();
  return isLookupId(id) ? getCertificateDetail(user.id, id, await now()) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: (await loadDetail(id))?.domain ?? id };
}

export default async function CertificateDetailPage({ params }: Props) {
  const { id } = await params;
  const detail = await loadDetail(id);
  if (!detail) notFound();
  const queryClient = getQueryClient();
  queryClient.setQueryData(certificateKeys.detail(id), detail);
  // The "Update to cloud resources" prompt and the download menu render with the page, not after it.
  const user = await requireUser();
  queryClient.setQueryData(
    resourceKeys.deployment(id),
    await getCertificateDeployment(user.id, id, new Date(detail.asOf)),
  );
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <CertificateDetailView certificateId={id} />
    </HydrationBoundary>
  );
}

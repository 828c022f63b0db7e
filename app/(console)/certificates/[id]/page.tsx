import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { CertificateDetailView } from "@/components/certificates/certificate-detail-view";
import { TargetDeploymentsSection } from "@/components/deployment-targets/target-deployments-section";
import { requireUser } from "@/lib/auth/session";
import { getCertificateDetail } from "@/lib/certificates/get-certificate-detail";
import { now } from "@/lib/clock";
import { getCertificateTargetDeployments } from "@/lib/deployment-targets/get-certificate-target-deployments";
import { getOrganizationReview } from "@/lib/organization-review/get-organization-review";
import { certificateKeys } from "@/lib/queries/certificates";
import { deploymentTargetKeys } from "@/lib/queries/deployment-targets";
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
  const asOf = new Date(detail.asOf);
  const [deployment, targetDeployments, organizationReview] = await Promise.all([
    getCertificateDeployment(user.id, id, asOf),
    getCertificateTargetDeployments(user.id, id, asOf),
    detail.certificateType === "DV" ? null : getOrganizationReview({ ownerId: user.id, certificateId: id }),
  ]);
  queryClient.setQueryData(resourceKeys.deployment(id), deployment);
  queryClient.setQueryData(deploymentTargetKeys.certificate(id), targetDeployments);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <CertificateDetailView
        certificateId={id}
        extraSections={<TargetDeploymentsSection certificateId={id} />}
        organizationReview={organizationReview}
      />
    </HydrationBoundary>
  );
}

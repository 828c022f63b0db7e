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

// One "now" per request, so the certificate and its deployments are shown as of the same moment.
const requestNow = cache(() => now());

// Metadata and page share one load per request.
const loadDetail = cache(async (id: string) => {
  const [user, today] = await Promise.all([requireUser(), requestNow()]);
  return isLookupId(id) ? getCertificateDetail(user.id, id, today) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: (await loadDetail(id))?.domain ?? id };
}

export default async function CertificateDetailPage({ params }: Props) {
  const { id } = await params;
  const [user, today] = await Promise.all([requireUser(), requestNow()]);
  // The "Update to cloud resources" prompt and the download menu render with the page, not
  // after it. Each load is scoped by the owner and answers null for anyone else's certificate,
  // so they run beside the certificate's own rather than after it.
  const lookup = isLookupId(id);
  const [detail, deployment, targetDeployments, organizationReview] = await Promise.all([
    loadDetail(id),
    lookup ? getCertificateDeployment(user.id, id, today) : null,
    lookup ? getCertificateTargetDeployments(user.id, id, today) : null,
    loadDetail(id).then((loaded) =>
      loaded && loaded.certificateType !== "DV" ? getOrganizationReview({ ownerId: user.id, certificateId: id }) : null,
    ),
  ]);
  if (!detail) notFound();
  const queryClient = getQueryClient();
  queryClient.setQueryData(certificateKeys.detail(id), detail);
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

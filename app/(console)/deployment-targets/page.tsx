import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeader } from "@/components/console/page-header";
import {
  DeploymentTargetsActions,
  DeploymentTargetsList,
} from "@/components/deployment-targets/deployment-targets-view";
import { requireUser } from "@/lib/auth/session";
import { listDeploymentTargets } from "@/lib/deployment-targets/list-deployment-targets";
import { deploymentTargetKeys } from "@/lib/queries/deployment-targets";
import { getQueryClient } from "@/lib/queries/query-client";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("deploymentTargets");
  return { title: t("title") };
}

export default async function DeploymentTargetsPage() {
  const [user, t] = await Promise.all([requireUser(), getTranslations("deploymentTargets")]);
  const queryClient = getQueryClient();
  await queryClient.prefetchQuery({
    queryKey: deploymentTargetKeys.all,
    queryFn: () => listDeploymentTargets(user.id),
  });
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <PageHeader title={t("title")} description={t("description")} actions={<DeploymentTargetsActions />} />
      <DeploymentTargetsList />
    </HydrationBoundary>
  );
}

"use client";

import { AlertTriangleIcon, CheckCircle2Icon, Clock3Icon, Loader2Icon, XCircleIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { DeploymentSummary } from "@/lib/deployment-targets/deployment-views";

type StatusKey =
  | "SERVING"
  | "NOT_SERVING"
  | "DEPLOYED"
  | "PENDING"
  | "RUNNING"
  | "ROLLED_BACK"
  | "FAILED"
  | "NEEDS_ATTENTION";

/** What a deployment amounts to for the customer: in place and served, in place and not served, or not in place. */
export function deploymentStatusKey(deployment: Pick<DeploymentSummary, "status" | "verificationStatus">): StatusKey {
  if (deployment.status === "DEPLOYED") return deployment.verificationStatus ?? "DEPLOYED";
  return deployment.status;
}

const LOOK = {
  SERVING: { variant: "success", Icon: CheckCircle2Icon },
  NOT_SERVING: { variant: "warning", Icon: AlertTriangleIcon },
  DEPLOYED: { variant: "secondary", Icon: CheckCircle2Icon },
  PENDING: { variant: "warning", Icon: Clock3Icon },
  RUNNING: { variant: "secondary", Icon: Loader2Icon },
  ROLLED_BACK: { variant: "destructive", Icon: XCircleIcon },
  FAILED: { variant: "destructive", Icon: XCircleIcon },
  NEEDS_ATTENTION: { variant: "destructive", Icon: AlertTriangleIcon },
} as const;

export function DeploymentStatusBadge({
  deployment,
}: {
  deployment: Pick<DeploymentSummary, "status" | "verificationStatus">;
}) {
  const t = useTranslations("deploymentTargets.status");
  const key = deploymentStatusKey(deployment);
  const { variant, Icon } = LOOK[key];
  return (
    <Badge variant={variant} data-testid="deployment-status" data-status={key}>
      <Icon aria-hidden />
      {t(key)}
    </Badge>
  );
}

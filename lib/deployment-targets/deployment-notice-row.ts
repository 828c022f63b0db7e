// The notice an automatic deployment's outcome gives its customer, as a Notification row:
// in the console, by e-mail and to the account's webhook like every notice. Its params are
// what the messages (notifications.kind.<KIND>) and webhook consumers read. Pure.
import type { DeploymentVerification } from "@/lib/deploy/deployment-contracts";
import type { DeploymentFailureReason, PlannedNotice } from "@/lib/deployment-targets/plan-deployment-outcome";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TargetDeploymentStatus } from "@/lib/generated/prisma/enums";

export function deploymentNoticeRow(input: {
  notice: PlannedNotice;
  ownerId: string;
  deploymentId: string;
  certificateId: string;
  domain: string;
  targetId: string;
  targetName: string;
  status: TargetDeploymentStatus;
  failure: { reason: DeploymentFailureReason; message: string } | null;
  verification: DeploymentVerification | null;
  now: Date;
}): Prisma.NotificationCreateManyInput {
  const served = input.verification?.endpoints.find((endpoint) => endpoint.status === "NOT_SERVING");
  return {
    ownerId: input.ownerId,
    kind: input.notice.kind,
    certificateId: input.certificateId,
    dedupeKey: input.notice.dedupeKey,
    params: {
      domain: input.domain,
      certificateId: input.certificateId,
      deploymentId: input.deploymentId,
      targetId: input.targetId,
      target: input.targetName,
      status: input.status,
      verified: input.verification !== null,
      ...(input.failure ? { reason: input.failure.reason } : {}),
      ...(input.notice.retryAt ? { retryAt: input.notice.retryAt.toISOString() } : {}),
      ...(served?.status === "NOT_SERVING"
        ? {
            endpoint: `${served.endpoint.host}:${served.endpoint.port}`,
            servedSerial: served.served.serialNumber,
          }
        : {}),
    },
    emailStatus: "PENDING",
    createdAt: input.now,
  };
}

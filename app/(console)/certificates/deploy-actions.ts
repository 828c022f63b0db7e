"use server";

import { authedAction } from "@/lib/actions/authed-action";
import { systemNow } from "@/lib/clock";
import { deployCertificateToTargets } from "@/lib/deployment-targets/deploy-certificate-to-targets";
import {
  deployCertificateInputSchema,
  deploymentIdInputSchema,
} from "@/lib/deployment-targets/deployment-target-input";
import { rollBackTargetDeployment } from "@/lib/deployment-targets/roll-back-target-deployment";
import { verifyTargetDeployment } from "@/lib/deployment-targets/verify-target-deployment";

/** "Deploy" on the certificate page: answers once every chosen target's outcome (verified) is known. */
export const deployCertificateAction = authedAction(
  deployCertificateInputSchema,
  { name: "deployCertificate" },
  ({ certificateId, targetIds }, { user, ip, now }) =>
    deployCertificateToTargets({
      ownerId: user.id,
      certificateId,
      targetIds,
      actorId: user.id,
      ip,
      now,
      realNow: systemNow(),
    }),
);

export const verifyTargetDeploymentAction = authedAction(
  deploymentIdInputSchema,
  { name: "verifyTargetDeployment" },
  ({ deploymentId }, { user, now }) => verifyTargetDeployment({ ownerId: user.id, deploymentId, now }),
);

export const rollBackTargetDeploymentAction = authedAction(
  deploymentIdInputSchema,
  { name: "rollBackTargetDeployment" },
  ({ deploymentId }, { user, ip, now }) =>
    rollBackTargetDeployment({ ownerId: user.id, deploymentId, actorId: user.id, ip, now, realNow: systemNow() }),
);

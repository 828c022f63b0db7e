"use server";

import { authedAction } from "@/lib/actions/authed-action";
import { systemNow } from "@/lib/clock";
import { fetchSshHostKey } from "@/lib/deploy/fetch-ssh-host-key";
import { createSshTarget } from "@/lib/deployment-targets/create-ssh-target";
import { createWebhookTarget } from "@/lib/deployment-targets/create-webhook-target";
import { deleteDeploymentTarget } from "@/lib/deployment-targets/delete-deployment-target";
import {
  createSshTargetInputSchema,
  createWebhookTargetInputSchema,
  hostKeyRequestSchema,
  targetIdInputSchema,
  updateSshTargetInputSchema,
  updateWebhookTargetInputSchema,
} from "@/lib/deployment-targets/deployment-target-input";
import { rotateDeployWebhookSecret } from "@/lib/deployment-targets/rotate-deploy-webhook-secret";
import { testDeploymentTarget } from "@/lib/deployment-targets/test-deployment-target";
import { updateSshTarget } from "@/lib/deployment-targets/update-ssh-target";
import { updateWebhookTarget } from "@/lib/deployment-targets/update-webhook-target";

// Field problems come back as problem codes at their fields, in `fieldErrors` when the schema
// (which the forms also run before sending) refuses the input, in `problems` when the server's
// own checks do (the address policy, the private key); the forms translate both.

/** Step one of adding an SSH target: the server's host key, for the customer to compare and confirm. */
export const fetchSshHostKeyAction = authedAction(hostKeyRequestSchema, { name: "fetchSshHostKey" }, ({ host, port }) =>
  fetchSshHostKey({ host, port }),
);

export const createSshTargetAction = authedAction(
  createSshTargetInputSchema,
  { name: "createSshTarget" },
  (target, { user, ip, now }) => createSshTarget({ ownerId: user.id, target, actorId: user.id, ip, now }),
);

export const updateSshTargetAction = authedAction(
  updateSshTargetInputSchema,
  { name: "updateSshTarget" },
  ({ targetId, ...target }, { user, ip, now }) =>
    updateSshTarget({ ownerId: user.id, targetId, target, actorId: user.id, ip, now }),
);

export const createWebhookTargetAction = authedAction(
  createWebhookTargetInputSchema,
  { name: "createWebhookTarget" },
  (target, { user, ip, now }) => createWebhookTarget({ ownerId: user.id, target, actorId: user.id, ip, now }),
);

export const updateWebhookTargetAction = authedAction(
  updateWebhookTargetInputSchema,
  { name: "updateWebhookTarget" },
  ({ targetId, ...target }, { user, ip, now }) =>
    updateWebhookTarget({ ownerId: user.id, targetId, target, actorId: user.id, ip, now }),
);

export const rotateDeployWebhookSecretAction = authedAction(
  targetIdInputSchema,
  { name: "rotateDeployWebhookSecret" },
  ({ targetId }, { user, ip, now }) =>
    rotateDeployWebhookSecret({ ownerId: user.id, targetId, actorId: user.id, ip, now }),
);

export const testDeploymentTargetAction = authedAction(
  targetIdInputSchema,
  { name: "testDeploymentTarget" },
  ({ targetId }, { user }) => testDeploymentTarget({ ownerId: user.id, targetId }),
);

export const deleteDeploymentTargetAction = authedAction(
  targetIdInputSchema,
  { name: "deleteDeploymentTarget" },
  ({ targetId }, { user, ip, now }) =>
    deleteDeploymentTarget({ ownerId: user.id, targetId, actorId: user.id, ip, now, realNow: systemNow() }),
);

"use server";

import { z } from "zod";
import { authedAction } from "@/lib/actions/authed-action";
import { MAX_IGNORE_NOTIFICATIONS_BATCH, setIgnoreNotifications } from "@/lib/certificates/set-ignore-notifications";
import { setAutoUpdateResources } from "@/lib/resources/set-auto-update-resources";
import { MAX_RESOURCES_PER_UPDATE, updateCloudResources } from "@/lib/resources/update-cloud-resources";

const id = z.string().trim().min(1).max(64);

export const updateCloudResourcesAction = authedAction(
  z.object({ certificateId: id, resourceIds: z.array(id).min(1).max(MAX_RESOURCES_PER_UPDATE) }),
  { name: "updateCloudResources" },
  ({ certificateId, resourceIds }, { user, ip, now }) =>
    updateCloudResources({
      ownerId: user.id,
      targetCertificateId: certificateId,
      resourceIds,
      actorId: user.id,
      ip,
      now,
    }),
);

export const setAutoUpdateResourcesAction = authedAction(
  z.object({ certificateId: id, enabled: z.boolean() }),
  { name: "setAutoUpdateResources" },
  ({ certificateId, enabled }, { user, ip, now }) =>
    setAutoUpdateResources(user.id, certificateId, enabled, { actorId: user.id, ip, now }),
);

export const setIgnoreNotificationsAction = authedAction(
  z.object({ certificateIds: z.array(id).min(1).max(MAX_IGNORE_NOTIFICATIONS_BATCH), ignore: z.boolean() }),
  { name: "setIgnoreNotifications" },
  ({ certificateIds, ignore }, { user, ip, now }) =>
    setIgnoreNotifications({ ownerId: user.id, certificateIds, ignore, actorId: user.id, ip, now }),
);

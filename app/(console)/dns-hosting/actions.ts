"use server";

import { z } from "zod";
import { authedAction } from "@/lib/actions/authed-action";
import { addHostedZone } from "@/lib/dns-hosting/add-hosted-zone";
import { addValidationDelegation } from "@/lib/dns-hosting/add-validation-delegation";
import { checkValidationDelegation } from "@/lib/dns-hosting/check-validation-delegation";
import { checkZoneDelegation } from "@/lib/dns-hosting/check-zone-delegation";
import { removeHostedZone } from "@/lib/dns-hosting/remove-hosted-zone";
import { removeValidationDelegation } from "@/lib/dns-hosting/remove-validation-delegation";

// Names are checked by the use cases (lib/dns-hosting/hosted-zone-name.ts, the rule the
// form shows too); the schemas only bound the sizes.
const domainInput = z.string().max(300);
const id = z.string().min(1).max(64);

export const addHostedZoneAction = authedAction(
  z.object({ name: domainInput }),
  { name: "addHostedZone" },
  ({ name }, { user, ip, now }) => addHostedZone({ ownerId: user.id, name, actorId: user.id, ip, now }),
);

export const checkZoneDelegationAction = authedAction(
  z.object({ zoneId: id }),
  { name: "checkZoneDelegation" },
  ({ zoneId }, { user, now }) => checkZoneDelegation({ ownerId: user.id, zoneId, now }),
);

export const removeHostedZoneAction = authedAction(
  z.object({ zoneId: id }),
  { name: "removeHostedZone" },
  ({ zoneId }, { user, ip, now }) => removeHostedZone({ ownerId: user.id, zoneId, actorId: user.id, ip, now }),
);

export const addValidationDelegationAction = authedAction(
  z.object({ domain: domainInput }),
  { name: "addValidationDelegation" },
  ({ domain }, { user, ip, now }) => addValidationDelegation({ ownerId: user.id, domain, actorId: user.id, ip, now }),
);

export const checkValidationDelegationAction = authedAction(
  z.object({ delegationId: id }),
  { name: "checkValidationDelegation" },
  ({ delegationId }, { user, now }) => checkValidationDelegation({ ownerId: user.id, delegationId, now }),
);

export const removeValidationDelegationAction = authedAction(
  z.object({ delegationId: id }),
  { name: "removeValidationDelegation" },
  ({ delegationId }, { user, ip, now }) =>
    removeValidationDelegation({ ownerId: user.id, delegationId, actorId: user.id, ip, now }),
);

"use server";

import { z } from "zod";
import { authedAction } from "@/lib/actions/authed-action";
import { correctOrganizationDetails } from "@/lib/organization-review/correct-organization-details";
import { organizationDetailsInput } from "@/lib/organization-review/organization-details-input";

export const correctOrganizationDetailsAction = authedAction(
  z.object({ certificateId: z.string().trim().min(1).max(64), details: organizationDetailsInput }),
  { name: "correctOrganizationDetails" },
  ({ certificateId, details }, { user, ip, now }) =>
    correctOrganizationDetails({ ownerId: user.id, certificateId, details, actorId: user.id, ip, now }),
);

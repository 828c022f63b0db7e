"use server";

import { z } from "zod";
import { authedAction } from "@/lib/actions/authed-action";
import { approveOrganizationReview } from "@/lib/organization-review/approve-organization-review";
import { rejectOrganizationReview } from "@/lib/organization-review/reject-organization-review";

const certificateId = z.string().trim().min(1).max(64);

export const approveOrganizationReviewAction = authedAction(
  z.object({ certificateId }),
  { role: "ADMIN", name: "approveOrganizationReview" },
  ({ certificateId }, { user, ip, now }) => approveOrganizationReview({ actor: user, certificateId, ip, now }),
);

export const rejectOrganizationReviewAction = authedAction(
  z.object({ certificateId, reason: z.string().trim().min(1).max(500) }),
  { role: "ADMIN", name: "rejectOrganizationReview" },
  ({ certificateId, reason }, { user, ip, now }) =>
    rejectOrganizationReview({ actor: user, certificateId, reason, ip, now }),
);

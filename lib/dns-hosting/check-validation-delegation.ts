import "server-only";
import { db } from "@/lib/db/client";
import type { ValidationDelegationView } from "@/lib/dns-hosting/dns-hosting-views";
import { recordValidationDelegationCheck } from "@/lib/dns-hosting/record-validation-delegation-check";
import { AppError } from "@/lib/errors";

/** "Check now" on one of the owner's third-party domains set up for automatic validation. */
export async function checkValidationDelegation(input: {
  ownerId: string;
  delegationId: string;
  now: Date;
}): Promise<ValidationDelegationView> {
  const delegation = await db.validationDelegation.findFirst({
    where: { id: input.delegationId, ownerId: input.ownerId },
    select: { id: true, domain: true, label: true, verifiedAt: true },
  });
  if (!delegation) throw new AppError("NOT_FOUND");
  const view = await recordValidationDelegationCheck(delegation, input.now);
  if (!view) throw new AppError("VALIDATION_DELEGATION_UNAVAILABLE");
  return view;
}

"use server";

import { z } from "zod";
import { authedAction } from "@/lib/actions/authed-action";
import {
  ADJUSTMENT_DIRECTIONS,
  adjustBalance,
  MAX_ADJUSTMENT_MINOR,
  MAX_REASON_LENGTH,
} from "@/lib/admin/adjust-balance";
import { setAccountDisabled } from "@/lib/admin/set-account-disabled";
import { parseMajorAmount } from "@/lib/money";

// Field problems come back as codes (fieldErrors.amount = ["INVALID"]), which the dialog translates.
const adjustBalanceInput = z
  .object({
    customerId: z.string().trim().min(1).max(64),
    direction: z.enum(ADJUSTMENT_DIRECTIONS),
    amount: z.string().max(32),
    currency: z.string().regex(/^[A-Z]{3}$/),
    reason: z.string().trim().min(1, "REQUIRED").max(MAX_REASON_LENGTH, "TOO_LONG"),
    operationId: z.uuid(),
  })
  .transform((input, ctx) => {
    const amountMinor = parseMajorAmount(input.amount, input.currency);
    if (amountMinor === null || amountMinor <= 0) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: "INVALID" });
      return z.NEVER;
    }
    if (amountMinor > MAX_ADJUSTMENT_MINOR) {
      ctx.addIssue({ code: "custom", path: ["amount"], message: "TOO_LARGE" });
      return z.NEVER;
    }
    return { ...input, amountMinor };
  });

export const adjustBalanceAction = authedAction(
  adjustBalanceInput,
  { name: "adjustBalance", role: "ADMIN" },
  ({ customerId, direction, amountMinor, currency, reason, operationId }, { user, ip, now }) =>
    adjustBalance(user, { customerId, direction, amountMinor, currency, reason, operationId }, { ip, now }),
);

export const setAccountDisabledAction = authedAction(
  z.object({ userId: z.string().trim().min(1).max(64), disabled: z.boolean() }),
  { name: "setAccountDisabled", role: "ADMIN" },
  (input, { user, ip, now }) => setAccountDisabled(user, input, { ip, now }),
);

import "server-only";
import { type AdjustmentDirection, MAX_ADJUSTMENT_MINOR, MAX_REASON_LENGTH } from "@/lib/admin/adjust-balance-limits";
import { type Actor, assertAdmin } from "@/lib/admin/assert-admin";
import { recordAudit } from "@/lib/audit/record-audit";
import { postLedgerEntry } from "@/lib/billing/post-ledger-entry";
import { db } from "@/lib/db/client";
import { AppError, isAppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

export type AdjustBalanceInput = {
  customerId: string;
  direction: AdjustmentDirection;
  /** Positive minor units; the direction gives the sign. */
  amountMinor: number;
  /** The currency the administrator typed the amount in; refused if it is not the balance's. */
  currency: string;
  reason: string;
  /** The form's token for this operation: the same token moves money at most once. */
  operationId: string;
};

export type AdjustBalanceResult = {
  ledgerEntryId: string;
  balanceBeforeMinor: number;
  balanceAfterMinor: number;
  currency: string;
  /** True when this operation had already been done and its first result is returned. */
  replayed: boolean;
};

/**
 * Credits or debits a customer's balance by hand, with a mandatory reason: one ledger
 * entry (the only way money moves) and one audit entry with the balance before and
 * after, in one transaction. A debit larger than the balance moves nothing.
 */
export async function adjustBalance(
  actor: Actor,
  input: AdjustBalanceInput,
  context: { ip: string | null; now: Date },
): Promise<AdjustBalanceResult> {
  assertAdmin(actor);
  const reason = input.reason.trim();
  if (
    !Number.isSafeInteger(input.amountMinor) ||
    input.amountMinor <= 0 ||
    input.amountMinor > MAX_ADJUSTMENT_MINOR ||
    !reason ||
    reason.length > MAX_REASON_LENGTH ||
    !input.operationId
  ) {
    throw new AppError("INVALID_INPUT");
  }
  const signedAmount = input.direction === "CREDIT" ? input.amountMinor : -input.amountMinor;
  const idempotencyKey = `admin:${input.operationId}`;

  const earlier = await findEarlier(idempotencyKey, input.customerId, signedAmount);
  if (earlier) return earlier;

  try {
    return await db.$transaction(async (tx) => {
      const account = await tx.billingAccount.findUnique({
        where: { ownerId: input.customerId },
        select: { id: true, currency: true },
      });
      if (!account) throw new AppError("NOT_FOUND");
      if (account.currency !== input.currency) throw new AppError("CONFLICT");
      let posted: Awaited<ReturnType<typeof postLedgerEntry>>;
      try {
        posted = await postLedgerEntry(tx, {
          accountId: account.id,
          kind: input.direction === "CREDIT" ? "ADMIN_CREDIT" : "ADMIN_DEBIT",
          amountMinor: signedAmount,
          idempotencyKey,
          actorId: actor.id,
          note: reason,
          now: context.now,
        });
      } catch (error) {
        if (isAppError(error) && error.code === "INSUFFICIENT_BALANCE") throw new AppError("DEBIT_EXCEEDS_BALANCE");
        throw error;
      }
      const balanceBeforeMinor = posted.balanceAfterMinor - signedAmount;
      await recordAudit(tx, {
        actorId: actor.id,
        action: input.direction === "CREDIT" ? "customer.balance.credit" : "customer.balance.debit",
        targetType: "User",
        targetId: input.customerId,
        before: { balanceMinor: balanceBeforeMinor, currency: posted.currency },
        after: {
          balanceMinor: posted.balanceAfterMinor,
          currency: posted.currency,
          amountMinor: signedAmount,
          reason,
          ledgerEntryId: posted.entryId,
        },
        ip: context.ip,
        at: context.now,
      });
      return {
        ledgerEntryId: posted.entryId,
        balanceBeforeMinor,
        balanceAfterMinor: posted.balanceAfterMinor,
        currency: posted.currency,
        replayed: false,
      };
    });
  } catch (error) {
    // Two submissions of the same form raced: the loser returns the winner's result.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const winner = await findEarlier(idempotencyKey, input.customerId, signedAmount);
      if (winner) return winner;
    }
    throw error;
  }
}

async function findEarlier(
  idempotencyKey: string,
  customerId: string,
  signedAmount: number,
): Promise<AdjustBalanceResult | null> {
  const entry = await db.ledgerEntry.findUnique({
    where: { idempotencyKey },
    select: {
      id: true,
      amountMinor: true,
      balanceAfterMinor: true,
      currency: true,
      account: { select: { ownerId: true } },
    },
  });
  if (!entry) return null;
  // The same token for another customer or amount is a forged or broken request.
  if (entry.account.ownerId !== customerId || entry.amountMinor !== signedAmount) throw new AppError("CONFLICT");
  return {
    ledgerEntryId: entry.id,
    balanceBeforeMinor: entry.balanceAfterMinor - entry.amountMinor,
    balanceAfterMinor: entry.balanceAfterMinor,
    currency: entry.currency,
    replayed: true,
  };
}

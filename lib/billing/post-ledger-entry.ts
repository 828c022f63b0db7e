import { sql } from "kysely";
import type { DbTransaction } from "@/lib/db/client";
import { queryRows, sqlBuilder } from "@/lib/db/typed-sql";
import { AppError } from "@/lib/errors";
import type { LedgerKind } from "@/lib/generated/prisma/enums";

export type LedgerPosting = {
  accountId: string;
  kind: LedgerKind;
  /** Signed minor units: positive credits the balance, negative debits it. */
  amountMinor: number;
  /** Unique per money movement ("renewal:<order>", "topup:<payment>", "purchase:<order>"...): a second posting fails. */
  idempotencyKey: string;
  certificateId?: string | null;
  renewalOrderId?: string | null;
  certificateOrderId?: string | null;
  paymentId?: string | null;
  actorId?: string | null;
  note?: string | null;
  now: Date;
};

/**
 * The only way money moves: changes the balance with a conditional update (it can
 * never go below zero, even with concurrent postings) and records the ledger entry
 * with the balance after it, in the caller's transaction.
 */
export async function postLedgerEntry(
  tx: DbTransaction,
  posting: LedgerPosting,
): Promise<{ entryId: string; balanceAfterMinor: number; currency: string }> {
  if (!Number.isSafeInteger(posting.amountMinor) || posting.amountMinor === 0) {
    throw new Error(`ledger amount must be a non-zero integer, got ${posting.amountMinor}`);
  }
  const [account] = await queryRows(
    tx,
    sqlBuilder
      .updateTable("BillingAccount")
      .set((eb) => ({ balanceMinor: eb("balanceMinor", "+", posting.amountMinor), updatedAt: posting.now }))
      .where("id", "=", posting.accountId)
      .where((eb) => eb(eb("balanceMinor", "+", posting.amountMinor), ">=", sql.lit(0)))
      .returning(["balanceMinor", "currency"]),
  );
  if (!account) {
    const exists = await tx.billingAccount.count({ where: { id: posting.accountId } });
    throw exists ? new AppError("INSUFFICIENT_BALANCE") : new AppError("NOT_FOUND");
  }
  const entry = await tx.ledgerEntry.create({
    data: {
      accountId: posting.accountId,
      kind: posting.kind,
      amountMinor: posting.amountMinor,
      balanceAfterMinor: account.balanceMinor,
      currency: account.currency,
      idempotencyKey: posting.idempotencyKey,
      certificateId: posting.certificateId ?? null,
      renewalOrderId: posting.renewalOrderId ?? null,
      certificateOrderId: posting.certificateOrderId ?? null,
      paymentId: posting.paymentId ?? null,
      actorId: posting.actorId ?? null,
      note: posting.note ?? null,
      createdAt: posting.now,
    },
    select: { id: true },
  });
  return { entryId: entry.id, balanceAfterMinor: account.balanceMinor, currency: account.currency };
}

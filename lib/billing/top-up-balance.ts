import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { getPaymentProvider } from "@/lib/billing/payment-providers/get-payment-provider";
import { postLedgerEntry } from "@/lib/billing/post-ledger-entry";
import { topUpAmountProblem } from "@/lib/billing/top-up-amount";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

export type TopUpInput = {
  ownerId: string;
  providerId: string;
  amountMinor: number;
  /** The currency the customer saw when choosing the amount; refused if it is not the balance's. */
  currency?: string;
  /** The client's token for this attempt: the same token credits at most once. */
  idempotencyToken: string;
  actorId: string;
  ip: string | null;
  now: Date;
};

export type TopUpResult = {
  paymentId: string;
  amountMinor: number;
  currency: string;
  /** The balance right after this top-up. */
  balanceAfterMinor: number;
  /** True when this token had already been used and the first result is returned. */
  replayed: boolean;
};

type RecordedPayment = {
  id: string;
  accountId: string;
  amountMinor: number;
  currency: string;
  status: "PENDING" | "SUCCEEDED" | "FAILED";
  ledgerEntries: { balanceAfterMinor: number }[];
};

/**
 * Pays money into the owner's balance through a payment provider. The Payment row is
 * unique per (provider, token), so a double click, a retry or two concurrent calls
 * credit once: the loser of the race finds the winner's payment and returns its result.
 * The payment, the ledger entry and the audit entry are written in one transaction.
 */
export async function topUpBalance(input: TopUpInput): Promise<TopUpResult> {
  const provider = getPaymentProvider(input.providerId);
  if (!provider?.isAvailable(getConfig())) throw new AppError("PAYMENT_PROVIDER_UNAVAILABLE");
  const token = input.idempotencyToken.trim();
  if (!token || token.length > 200) throw new AppError("INVALID_INPUT");

  const account = await db.billingAccount.findUnique({
    where: { ownerId: input.ownerId },
    select: { id: true, currency: true },
  });
  if (!account) throw new AppError("NOT_FOUND");
  if (input.currency && input.currency !== account.currency) throw new AppError("CONFLICT");
  if (topUpAmountProblem(input.amountMinor, account.currency)) throw new AppError("INVALID_INPUT");

  const earlier = await findPayment(provider.id, token);
  if (earlier) return replay(earlier, account.id, input.amountMinor);

  // The provider is idempotent on the token too, so a race that charges twice here
  // is one charge at the provider; only one of the two transactions below commits.
  const charge = await provider.charge({
    accountId: account.id,
    amountMinor: input.amountMinor,
    currency: account.currency,
    idempotencyToken: token,
    now: input.now,
  });

  let result: TopUpResult | null;
  try {
    result = await db.$transaction(async (tx) => {
      const payment = await tx.payment.create({
        data: {
          accountId: account.id,
          provider: provider.id,
          providerReference: token,
          amountMinor: input.amountMinor,
          currency: account.currency,
          status: charge.status,
          createdAt: input.now,
          completedAt: input.now,
        },
        select: { id: true },
      });
      const audit = {
        actorId: input.actorId,
        action: "billing.top_up",
        targetType: "Payment",
        targetId: payment.id,
        ip: input.ip,
        at: input.now,
      };
      const details = {
        provider: provider.id,
        providerReference: charge.reference,
        amountMinor: input.amountMinor,
        currency: account.currency,
      };
      if (charge.status === "FAILED") {
        await recordAudit(tx, {
          ...audit,
          after: { ...details, status: "FAILED", failureReason: charge.failureReason ?? null },
        });
        return null;
      }
      const posted = await postLedgerEntry(tx, {
        accountId: account.id,
        kind: "TOP_UP",
        amountMinor: input.amountMinor,
        idempotencyKey: `topup:${payment.id}`,
        paymentId: payment.id,
        actorId: input.actorId,
        now: input.now,
      });
      await recordAudit(tx, {
        ...audit,
        after: { ...details, status: "SUCCEEDED", balanceAfterMinor: posted.balanceAfterMinor },
      });
      return {
        paymentId: payment.id,
        amountMinor: input.amountMinor,
        currency: posted.currency,
        balanceAfterMinor: posted.balanceAfterMinor,
        replayed: false,
      };
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    // Another call with this token committed first (PostgreSQL made this insert wait for it).
    const winner = await findPayment(provider.id, token);
    if (!winner) throw error;
    return replay(winner, account.id, input.amountMinor);
  }
  if (!result) throw new AppError("PAYMENT_FAILED");
  return result;
}

function findPayment(provider: string, token: string): Promise<RecordedPayment | null> {
  return db.payment.findUnique({
    where: { provider_providerReference: { provider, providerReference: token } },
    select: {
      id: true,
      accountId: true,
      amountMinor: true,
      currency: true,
      status: true,
      ledgerEntries: { where: { kind: "TOP_UP" }, select: { balanceAfterMinor: true }, take: 1 },
    },
  });
}

/** The first call's outcome, for a repeated token. A token is never reused across accounts or amounts. */
function replay(payment: RecordedPayment, accountId: string, amountMinor: number): TopUpResult {
  if (payment.accountId !== accountId || payment.amountMinor !== amountMinor) throw new AppError("CONFLICT");
  if (payment.status === "FAILED") throw new AppError("PAYMENT_FAILED");
  const entry = payment.ledgerEntries[0];
  if (payment.status !== "SUCCEEDED" || !entry) throw new AppError("CONFLICT");
  return {
    paymentId: payment.id,
    amountMinor: payment.amountMinor,
    currency: payment.currency,
    balanceAfterMinor: entry.balanceAfterMinor,
    replayed: true,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

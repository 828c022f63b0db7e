import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

// The demo provider is offered only in DEMO_MODE; config is read once per file.
vi.hoisted(() => {
  process.env.DEMO_MODE = "true";
});

const { DEMO_DECLINED_AMOUNT_MINOR } = await import("@/lib/billing/payment-providers/demo-payment-provider");
const { topUpBalance } = await import("@/lib/billing/top-up-balance");
const { db } = await import("@/lib/db/client");
const { AppError } = await import("@/lib/errors");
const { TEST_NOW, createTestUser } = await import("@/testing/factories");
const { expectBalancesMatchLedger } = await import("@/testing/ledger-invariant");

async function customer() {
  const user = await createTestUser();
  const topUp = (amountMinor: number, idempotencyToken: string = randomUUID(), providerId = "demo") =>
    topUpBalance({
      ownerId: user.id,
      providerId,
      amountMinor,
      idempotencyToken,
      actorId: user.id,
      ip: "203.0.113.7",
      now: TEST_NOW,
    });
  const state = async () => {
    const account = await db.billingAccount.findUniqueOrThrow({
      where: { ownerId: user.id },
      select: { balanceMinor: true, ledgerEntries: true, payments: true },
    });
    return { balanceMinor: account.balanceMinor, entries: account.ledgerEntries, payments: account.payments };
  };
  return { user, topUp, state };
}

describe("topUpBalance", () => {
  it("credits the balance with a payment, a TOP_UP ledger entry and an audit entry", async () => {
    const { user, topUp, state } = await customer();
    const result = await topUp(15_000);
    expect(result).toMatchObject({ amountMinor: 15_000, currency: "USD", balanceAfterMinor: 15_000, replayed: false });

    const { balanceMinor, entries, payments } = await state();
    expect(balanceMinor).toBe(15_000);
    expect(payments).toEqual([
      expect.objectContaining({ id: result.paymentId, provider: "demo", status: "SUCCEEDED", amountMinor: 15_000 }),
    ]);
    expect(entries).toEqual([
      expect.objectContaining({
        kind: "TOP_UP",
        amountMinor: 15_000,
        balanceAfterMinor: 15_000,
        paymentId: result.paymentId,
        idempotencyKey: `topup:${result.paymentId}`,
        actorId: user.id,
      }),
    ]);
    const audit = await db.auditLog.findFirstOrThrow({
      where: { action: "billing.top_up", targetId: result.paymentId },
    });
    expect(audit).toMatchObject({ actorId: user.id, targetType: "Payment", ip: "203.0.113.7" });
    expect(audit.after).toMatchObject({ status: "SUCCEEDED", amountMinor: 15_000, provider: "demo" });
    await expectBalancesMatchLedger();
  });

  it("credits once when the same token arrives twice at the same time", async () => {
    const { topUp, state } = await customer();
    const token = randomUUID();
    const results = await Promise.all([topUp(5_000, token), topUp(5_000, token), topUp(5_000, token)]);

    expect(new Set(results.map((result) => result.paymentId)).size).toBe(1);
    expect(results.filter((result) => !result.replayed)).toHaveLength(1);
    for (const result of results) expect(result.balanceAfterMinor).toBe(5_000);
    const { balanceMinor, entries, payments } = await state();
    expect(balanceMinor).toBe(5_000);
    expect(entries).toHaveLength(1);
    expect(payments).toHaveLength(1);
    await expectBalancesMatchLedger();
  });

  it("returns the first result for a retry with the same token, without crediting again", async () => {
    const { topUp, state } = await customer();
    const token = randomUUID();
    const first = await topUp(2_500, token);
    await topUp(1_000);
    const retry = await topUp(2_500, token);
    expect(retry).toEqual({ ...first, replayed: true });
    expect((await state()).balanceMinor).toBe(3_500);
    await expectBalancesMatchLedger();
  });

  it("refuses a token already used for another amount or by another customer", async () => {
    const alice = await customer();
    const bob = await customer();
    const token = randomUUID();
    await alice.topUp(2_000, token);
    await expect(alice.topUp(3_000, token)).rejects.toEqual(new AppError("CONFLICT"));
    await expect(bob.topUp(2_000, token)).rejects.toEqual(new AppError("CONFLICT"));
    expect((await alice.state()).balanceMinor).toBe(2_000);
    expect(await bob.state()).toMatchObject({ balanceMinor: 0, entries: [], payments: [] });
    await expectBalancesMatchLedger();
  });

  it("records a failed charge, credits nothing and says the payment failed, also on a retry", async () => {
    const { topUp, state } = await customer();
    await topUp(1_000);
    const token = randomUUID();
    await expect(topUp(DEMO_DECLINED_AMOUNT_MINOR, token)).rejects.toEqual(new AppError("PAYMENT_FAILED"));
    await expect(topUp(DEMO_DECLINED_AMOUNT_MINOR, token)).rejects.toEqual(new AppError("PAYMENT_FAILED"));

    const { balanceMinor, entries, payments } = await state();
    expect(balanceMinor).toBe(1_000);
    expect(entries).toHaveLength(1);
    const failed = payments.filter((payment) => payment.status === "FAILED");
    expect(failed).toEqual([
      expect.objectContaining({ amountMinor: DEMO_DECLINED_AMOUNT_MINOR, providerReference: token }),
    ]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "billing.top_up", targetId: failed[0]?.id } });
    expect(audit.after).toMatchObject({ status: "FAILED", failureReason: "DECLINED" });
    await expectBalancesMatchLedger();
  });

  it("takes 1.00 to 100,000.00 in whole cents and refuses anything else", async () => {
    const { topUp, state } = await customer();
    await expect(topUp(100)).resolves.toMatchObject({ balanceAfterMinor: 100 });
    await expect(topUp(10_000_000)).resolves.toMatchObject({ balanceAfterMinor: 10_000_100 });
    for (const amount of [99, 0, -100, 10_000_001, 150.5, Number.NaN]) {
      await expect(topUp(amount), String(amount)).rejects.toEqual(new AppError("INVALID_INPUT"));
    }
    const { balanceMinor, payments } = await state();
    expect(balanceMinor).toBe(10_000_100);
    expect(payments).toHaveLength(2);
    await expectBalancesMatchLedger();
  });

  it("refuses an unknown provider and a currency other than the balance's", async () => {
    const { user, topUp, state } = await customer();
    await expect(topUp(1_000, randomUUID(), "stripe")).rejects.toEqual(new AppError("PAYMENT_PROVIDER_UNAVAILABLE"));
    await expect(
      topUpBalance({
        ownerId: user.id,
        providerId: "demo",
        amountMinor: 1_000,
        currency: "EUR",
        idempotencyToken: randomUUID(),
        actorId: user.id,
        ip: null,
        now: TEST_NOW,
      }),
    ).rejects.toEqual(new AppError("CONFLICT"));
    expect(await state()).toMatchObject({ balanceMinor: 0, payments: [] });
    await expectBalancesMatchLedger();
  });
});

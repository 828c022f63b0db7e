import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { actAs } from "@/testing/action-harness";

const { db } = await import("@/lib/db/client");
const { AppError } = await import("@/lib/errors");
const { adjustBalance } = await import("@/lib/admin/adjust-balance");
const { adjustBalanceAction } = await import("@/app/admin/customers/actions");
const { createTestUser, fundAccount, TEST_NOW } = await import("@/testing/factories");
const { expectBalancesMatchLedger } = await import("@/testing/ledger-invariant");

const context = { ip: "203.0.113.7", now: TEST_NOW };

async function balanceOf(ownerId: string) {
  return (await db.billingAccount.findUniqueOrThrow({ where: { ownerId } })).balanceMinor;
}

afterEach(expectBalancesMatchLedger);

describe("adjustBalance", () => {
  it("credits with a reason: one ledger entry and one audit entry with the balance before and after", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const customer = await createTestUser();
    await fundAccount(customer.id, 1_000);
    const operationId = randomUUID();
    const result = await adjustBalance(
      admin,
      {
        customerId: customer.id,
        direction: "CREDIT",
        amountMinor: 2_550,
        currency: "USD",
        reason: "Goodwill",
        operationId,
      },
      context,
    );
    expect(result).toMatchObject({
      balanceBeforeMinor: 1_000,
      balanceAfterMinor: 3_550,
      currency: "USD",
      replayed: false,
    });
    expect(await balanceOf(customer.id)).toBe(3_550);
    const entry = await db.ledgerEntry.findUniqueOrThrow({ where: { idempotencyKey: `admin:${operationId}` } });
    expect(entry).toMatchObject({
      kind: "ADMIN_CREDIT",
      amountMinor: 2_550,
      balanceAfterMinor: 3_550,
      actorId: admin.id,
      note: "Goodwill",
    });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { targetId: customer.id, action: "customer.balance.credit" },
    });
    expect(audit).toMatchObject({
      actorId: admin.id,
      targetType: "User",
      ip: "203.0.113.7",
      before: { balanceMinor: 1_000, currency: "USD" },
      after: { balanceMinor: 3_550, currency: "USD", amountMinor: 2_550, reason: "Goodwill", ledgerEntryId: entry.id },
    });
  });

  it("debits down to exactly zero, and refuses a debit beyond the balance without moving anything", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const customer = await createTestUser();
    await fundAccount(customer.id, 1_000);
    const debit = (amountMinor: number) =>
      adjustBalance(
        admin,
        {
          customerId: customer.id,
          direction: "DEBIT",
          amountMinor,
          currency: "USD",
          reason: "Correction",
          operationId: randomUUID(),
        },
        context,
      );
    await expect(debit(1_001)).rejects.toThrow(new AppError("DEBIT_EXCEEDS_BALANCE"));
    expect(await balanceOf(customer.id)).toBe(1_000);
    expect(await db.auditLog.count({ where: { targetId: customer.id, action: "customer.balance.debit" } })).toBe(0);

    expect(await debit(1_000)).toMatchObject({ balanceBeforeMinor: 1_000, balanceAfterMinor: 0 });
    await expect(debit(1)).rejects.toThrow(new AppError("DEBIT_EXCEEDS_BALANCE"));
    expect(await balanceOf(customer.id)).toBe(0);
    const debits = await db.ledgerEntry.findMany({ where: { kind: "ADMIN_DEBIT", account: { ownerId: customer.id } } });
    expect(debits.map((entry) => entry.amountMinor)).toEqual([-1_000]);
  });

  it("moves money once per operation, however often or concurrently the form is sent", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const customer = await createTestUser();
    const input = {
      customerId: customer.id,
      direction: "CREDIT" as const,
      amountMinor: 700,
      currency: "USD",
      reason: "Refund of a duplicate top-up",
      operationId: randomUUID(),
    };
    const results = await Promise.all([1, 2, 3].map(() => adjustBalance(admin, input, context)));
    expect(results.filter((result) => !result.replayed)).toHaveLength(1);
    expect(new Set(results.map((result) => result.ledgerEntryId)).size).toBe(1);
    expect(await balanceOf(customer.id)).toBe(700);
    expect(await db.auditLog.count({ where: { targetId: customer.id, action: "customer.balance.credit" } })).toBe(1);
    // The same token for another amount is refused.
    await expect(adjustBalance(admin, { ...input, amountMinor: 800 }, context)).rejects.toThrow(
      new AppError("CONFLICT"),
    );
  });

  it("never lets concurrent debits take a balance below zero", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const customer = await createTestUser();
    await fundAccount(customer.id, 10_000);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        adjustBalance(
          admin,
          {
            customerId: customer.id,
            direction: "DEBIT",
            amountMinor: 3_000,
            currency: "USD",
            reason: "Race",
            operationId: randomUUID(),
          },
          context,
        ),
      ),
    );
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(3);
    for (const outcome of outcomes) {
      if (outcome.status === "rejected") expect(outcome.reason).toEqual(new AppError("DEBIT_EXCEEDS_BALANCE"));
    }
    expect(await balanceOf(customer.id)).toBe(1_000);
  });

  it("refuses another currency, an unknown customer and an empty reason", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const customer = await createTestUser();
    const base = {
      customerId: customer.id,
      direction: "CREDIT" as const,
      amountMinor: 100,
      currency: "USD",
      reason: "x",
    };
    await expect(
      adjustBalance(admin, { ...base, currency: "EUR", operationId: randomUUID() }, context),
    ).rejects.toThrow(new AppError("CONFLICT"));
    await expect(
      adjustBalance(admin, { ...base, customerId: "nobody", operationId: randomUUID() }, context),
    ).rejects.toThrow(new AppError("NOT_FOUND"));
    await expect(adjustBalance(admin, { ...base, reason: "  ", operationId: randomUUID() }, context)).rejects.toThrow(
      new AppError("INVALID_INPUT"),
    );
    expect(await balanceOf(customer.id)).toBe(0);
  });
});

describe("adjustBalanceAction", () => {
  it("parses the typed amount, records the admin's address, and explains a refused debit", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const customer = await createTestUser();
    actAs(admin);
    const send = (direction: "CREDIT" | "DEBIT", amount: string, reason = "Support ticket 42") =>
      adjustBalanceAction({
        customerId: customer.id,
        direction,
        amount,
        currency: "USD",
        reason,
        operationId: randomUUID(),
      });

    expect(await send("CREDIT", "12.34")).toMatchObject({ ok: true, data: { balanceAfterMinor: 1_234 } });
    const refused = await send("DEBIT", "12.35");
    expect(refused).toEqual({
      ok: false,
      code: "DEBIT_EXCEEDS_BALANCE",
      message:
        "Nothing was debited: the amount is more than the customer's balance, and a balance never goes below zero.",
    });
    expect(await balanceOf(customer.id)).toBe(1_234);
    expect(await send("CREDIT", "12.345")).toMatchObject({
      code: "INVALID_INPUT",
      fieldErrors: { amount: ["INVALID"] },
    });
    expect(await send("CREDIT", "0")).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { amount: ["INVALID"] } });
    expect(await send("CREDIT", "-5")).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { amount: ["INVALID"] } });
    expect(await send("CREDIT", "1000000.01")).toMatchObject({ fieldErrors: { amount: ["TOO_LARGE"] } });
    expect(await send("CREDIT", "5", "   ")).toMatchObject({ fieldErrors: { reason: ["REQUIRED"] } });
    const audit = await db.auditLog.findFirstOrThrow({
      where: { targetId: customer.id, action: "customer.balance.credit" },
    });
    expect(audit.ip).toBe("198.51.100.10");
  });
});

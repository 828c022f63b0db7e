import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { actAs } from "@/testing/action-harness";
import { createTestUser, TEST_NOW } from "@/testing/factories";
import { expectBalancesMatchLedger } from "@/testing/ledger-invariant";

// The demo provider needs DEMO_MODE, read once per file on first use.
vi.hoisted(() => {
  process.env.DEMO_MODE = "true";
});
vi.mock("@/lib/clock", () => ({ now: async () => TEST_NOW, systemNow: () => TEST_NOW }));

// Loaded after the harness has mocked the session, headers and translations.
const { topUpAction } = await import("./actions");

const input = (
  amount: string,
  extra: Partial<{ providerId: string; currency: string; idempotencyToken: string }> = {},
) => ({
  providerId: "demo",
  amount,
  currency: "USD",
  idempotencyToken: randomUUID(),
  ...extra,
});

describe("topUpAction", () => {
  it("tops up the signed-in customer's balance from the typed amount, once per token", async () => {
    const user = await createTestUser();
    actAs(user);
    const request = input("150.50");
    const result = await topUpAction(request);
    expect(result).toMatchObject({
      ok: true,
      data: { amountMinor: 15_050, balanceAfterMinor: 15_050, replayed: false },
    });
    expect(await topUpAction(request)).toMatchObject({ ok: true, data: { balanceAfterMinor: 15_050, replayed: true } });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "billing.top_up", actorId: user.id } });
    expect(audit.ip).toBe("198.51.100.10");
    await expectBalancesMatchLedger();
  });

  it("returns the amount's problem as a field error the dialog translates", async () => {
    const user = await createTestUser();
    actAs(user);
    for (const [amount, problem] of [
      ["0.99", "TOO_SMALL"],
      ["100000.01", "TOO_LARGE"],
      ["1.234", "INVALID"],
      ["ten", "INVALID"],
    ]) {
      expect(await topUpAction(input(amount as string)), amount).toMatchObject({
        ok: false,
        code: "INVALID_INPUT",
        fieldErrors: { amount: [problem] },
      });
    }
    expect(await topUpAction(input("10", { idempotencyToken: "not-a-uuid" }))).toMatchObject({
      ok: false,
      code: "INVALID_INPUT",
      fieldErrors: { idempotencyToken: [expect.any(String)] },
    });
    expect(await db.payment.count({ where: { account: { ownerId: user.id } } })).toBe(0);
  });

  it("says a declined payment failed, and refuses the signed-out", async () => {
    const user = await createTestUser();
    actAs(user);
    expect(await topUpAction(input("13.13"))).toMatchObject({ ok: false, code: "PAYMENT_FAILED" });
    actAs(null);
    expect(await topUpAction(input("10"))).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    const account = await db.billingAccount.findUniqueOrThrow({ where: { ownerId: user.id } });
    expect(account.balanceMinor).toBe(0);
    await expectBalancesMatchLedger();
  });
});

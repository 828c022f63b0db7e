import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

// Outside DEMO_MODE there is no payment provider on this installation.
vi.hoisted(() => {
  process.env.DEMO_MODE = "false";
});

const { listPaymentProviders } = await import("@/lib/billing/payment-providers/get-payment-provider");
const { topUpBalance } = await import("@/lib/billing/top-up-balance");
const { getConfig } = await import("@/lib/config");
const { db } = await import("@/lib/db/client");
const { AppError } = await import("@/lib/errors");
const { TEST_NOW, createTestUser } = await import("@/testing/factories");
const { expectBalancesMatchLedger } = await import("@/testing/ledger-invariant");

describe("topUpBalance outside DEMO_MODE", () => {
  it("offers no provider and refuses the demo one, moving no money", async () => {
    expect(listPaymentProviders(getConfig())).toEqual([]);
    const user = await createTestUser();
    await expect(
      topUpBalance({
        ownerId: user.id,
        providerId: "demo",
        amountMinor: 15_000,
        idempotencyToken: randomUUID(),
        actorId: user.id,
        ip: null,
        now: TEST_NOW,
      }),
    ).rejects.toEqual(new AppError("PAYMENT_PROVIDER_UNAVAILABLE"));
    const account = await db.billingAccount.findUniqueOrThrow({
      where: { ownerId: user.id },
      select: { balanceMinor: true, _count: { select: { payments: true, ledgerEntries: true } } },
    });
    expect(account).toEqual({ balanceMinor: 0, _count: { payments: 0, ledgerEntries: 0 } });
    expect(await db.auditLog.count({ where: { action: "billing.top_up" } })).toBe(0);
    await expectBalancesMatchLedger();
  });
});

import { describe, expect, it } from "vitest";
import { actAs } from "@/testing/action-harness";

const { db } = await import("@/lib/db/client");
const { AppError } = await import("@/lib/errors");
const { updatePrice } = await import("@/lib/admin/update-price");
const { updatePriceAction } = await import("@/app/admin/prices/actions");
const { listUpcomingDeductions } = await import("@/lib/billing/list-upcoming-deductions");
const { planRenewalFees } = await import("@/lib/renewal/plan-renewal-fees");
const { createTestCertificate, createTestUser, seedTestPrices, TEST_NOW } = await import("@/testing/factories");
const { addDays } = await import("@/lib/time");

const context = { ip: "203.0.113.11", now: TEST_NOW };

/** The fees the job will try to take from the customer in the next 30 days, at today's prices. */
async function feesDue(ownerId: string): Promise<number[]> {
  const until = addDays(TEST_NOW, 30);
  const plan = planRenewalFees({
    now: TEST_NOW,
    until,
    ...(await listUpcomingDeductions(ownerId, { now: TEST_NOW, until })),
  });
  return plan.due.map((fee) => fee.feeMinor);
}

async function dnspodSingle() {
  await seedTestPrices();
  return db.price.findFirstOrThrow({ where: { brand: "DNSPod", certificateType: "DV", domainType: "SINGLE" } });
}

describe("updatePrice", () => {
  it("refuses to offer auto-renewal for an OV or EV product, and the database refuses it too", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    await seedTestPrices();
    const ov = await db.price.findFirstOrThrow({ where: { certificateType: "OV", free: false } });
    await expect(
      updatePrice(admin, { priceId: ov.id, priceMinor: 19_900, currency: "USD", autoRenewSupported: true }, context),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    await expect(db.price.update({ where: { id: ov.id }, data: { autoRenewSupported: true } })).rejects.toThrow(
      /Price_auto_renew_dv_only/,
    );
    expect((await db.price.findUniqueOrThrow({ where: { id: ov.id } })).autoRenewSupported).toBe(false);
  });

  it("changes the price and the flag, audits before and after, and the next deduction uses it", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const customer = await createTestUser();
    await createTestCertificate(customer.id, { autoRenewState: "ON", expiresInDays: 40 });
    const price = await dnspodSingle();
    const updated = await updatePrice(
      admin,
      { priceId: price.id, priceMinor: 3_450, currency: "USD", autoRenewSupported: true },
      context,
    );
    expect(updated).toMatchObject({ priceMinor: 3_450, autoRenewSupported: true, changed: true });
    expect(await db.auditLog.findFirstOrThrow({ where: { targetId: price.id, action: "price.update" } })).toMatchObject(
      {
        actorId: admin.id,
        targetType: "Price",
        ip: "203.0.113.11",
        before: { priceMinor: price.priceMinor, autoRenewSupported: true, brand: "DNSPod", currency: "USD" },
        after: { priceMinor: 3_450, autoRenewSupported: true, brand: "DNSPod", currency: "USD" },
      },
    );
    expect(await feesDue(customer.id)).toEqual([3_450]);

    // Turning the flag off takes the combination out of auto-renewal from then on.
    await updatePrice(
      admin,
      { priceId: price.id, priceMinor: 3_450, currency: "USD", autoRenewSupported: false },
      context,
    );
    expect(await feesDue(customer.id)).toEqual([]);
    await updatePrice(
      admin,
      { priceId: price.id, priceMinor: price.priceMinor, currency: "USD", autoRenewSupported: true },
      context,
    );
  });

  it("records nothing when nothing changes, and refuses bad prices, currencies and IDs", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const price = await dnspodSingle();
    const before = await db.auditLog.count({ where: { targetId: price.id } });
    const same = {
      priceId: price.id,
      priceMinor: price.priceMinor,
      currency: "USD",
      autoRenewSupported: price.autoRenewSupported,
    };
    expect(await updatePrice(admin, same, context)).toMatchObject({ changed: false });
    expect(await db.auditLog.count({ where: { targetId: price.id } })).toBe(before);
    await expect(updatePrice(admin, { ...same, priceMinor: 0 }, context)).rejects.toThrow(
      new AppError("INVALID_INPUT"),
    );
    await expect(updatePrice(admin, { ...same, priceMinor: 12.5 }, context)).rejects.toThrow(
      new AppError("INVALID_INPUT"),
    );
    await expect(updatePrice(admin, { ...same, currency: "EUR", priceMinor: 1 }, context)).rejects.toThrow(
      new AppError("CONFLICT"),
    );
    await expect(updatePrice(admin, { ...same, priceId: "missing" }, context)).rejects.toThrow(
      new AppError("NOT_FOUND"),
    );
  });

  it("through the action: parses the typed price with the currency's decimals", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const price = await dnspodSingle();
    actAs(admin);
    const send = (value: string) =>
      updatePriceAction({ priceId: price.id, price: value, currency: "USD", autoRenewSupported: true });
    expect(await send("31")).toMatchObject({ ok: true, data: { priceMinor: 3_100 } });
    expect(await send("31.999")).toMatchObject({ code: "INVALID_INPUT", fieldErrors: { price: ["INVALID"] } });
    expect(await send("0.00")).toMatchObject({ fieldErrors: { price: ["INVALID"] } });
    expect(await send("100000.01")).toMatchObject({ fieldErrors: { price: ["TOO_LARGE"] } });
    expect((await db.price.findUniqueOrThrow({ where: { id: price.id } })).priceMinor).toBe(3_100);
  });
});

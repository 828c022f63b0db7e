import { describe, expect, it } from "vitest";
import { getBalanceForecast } from "@/lib/billing/get-balance-forecast";
import { createTestCertificate, createTestUser, fundAccount, seedTestPrices, TEST_NOW } from "@/testing/factories";
import { expectBalancesMatchLedger } from "@/testing/ledger-invariant";

describe("getBalanceForecast", () => {
  it("projects the owner's balance against their own scheduled fees for 90 days", async () => {
    await seedTestPrices();
    const owner = await createTestUser();
    const other = await createTestUser();
    await fundAccount(owner.id, 5_000);
    // Deducted 10, 40 and 80 days from now; the wildcard ($99) does not fit after the first $29.
    const single = await createTestCertificate(owner.id, { expiresInDays: 40, autoRenewState: "ON" });
    const wildcard = await createTestCertificate(owner.id, {
      expiresInDays: 70,
      domainType: "WILDCARD",
      autoRenewState: "ON",
    });
    const late = await createTestCertificate(owner.id, { expiresInDays: 110, autoRenewState: "ON" });
    await createTestCertificate(owner.id, { expiresInDays: 150, autoRenewState: "ON" }); // after the window
    await createTestCertificate(owner.id, { expiresInDays: 50 }); // auto-renewal off
    await createTestCertificate(other.id, { expiresInDays: 45, autoRenewState: "ON" }); // someone else's

    const forecast = await getBalanceForecast(owner.id, TEST_NOW, "UTC");
    expect(forecast.deductions.items.map((d) => [d.certificateId, d.date, d.feeMinor, d.covered])).toEqual([
      [single.id, "2026-06-25", 2_900, true],
      [wildcard.id, "2026-07-25", 9_900, false],
      [late.id, "2026-09-03", 2_900, false],
    ]);
    expect(forecast).toMatchObject({ balanceMinor: 5_000, currency: "USD", uncoveredCount: 2, uncoveredMinor: 12_800 });
    expect(forecast.days).toHaveLength(91);
    expect(forecast.days.at(-1)).toMatchObject({ date: "2026-09-13", balanceMinor: 2_100 });
    await expectBalancesMatchLedger();
  });
});

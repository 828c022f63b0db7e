import { describe, expect, it, vi } from "vitest";
import { buildBalanceWarning } from "@/lib/billing/build-balance-warning";
import { getBalanceWarning } from "@/lib/billing/get-balance-warning";
import { listUpcomingDeductions } from "@/lib/billing/list-upcoming-deductions";
import { listUpcomingFeeGroups } from "@/lib/billing/list-upcoming-fee-groups";
import { db } from "@/lib/db/client";
import { addDays } from "@/lib/time";
import { createTestCertificate, createTestUser, fundAccount, seedTestPrices, TEST_NOW } from "@/testing/factories";

// Counts the reads of the rows, which the warning should skip while the balance covers every fee.
vi.mock("@/lib/billing/list-upcoming-deductions", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/billing/list-upcoming-deductions")>();
  return { ...actual, listUpcomingDeductions: vi.fn(actual.listUpcomingDeductions) };
});

const window = { now: TEST_NOW, until: addDays(TEST_NOW, 30) };

/** The warning as it was before the grouped read: every candidate read and planned. */
async function fullPlanWarning(ownerId: string) {
  return buildBalanceWarning(await listUpcomingDeductions(ownerId, window), window.now, window.until);
}

/**
 * A customer with `balanceMinor` and, due in the window: a $99 wildcard on day 5, $29
 * singles on days 10 and 15; and what is no fee: an OV product not offered for
 * auto-renewal, a product no longer sold, a 2-year certificate, an expired one, one with
 * a paid renewal under way; and what is not in the window or not theirs.
 */
async function customerWithFeesDue(balanceMinor: number) {
  await seedTestPrices();
  const [owner, other] = [await createTestUser(), await createTestUser()];
  if (balanceMinor > 0) await fundAccount(owner.id, balanceMinor);
  const on = { autoRenewState: "ON" } as const;
  const wildcard = await createTestCertificate(owner.id, { ...on, expiresInDays: 35, domainType: "WILDCARD" });
  const single = await createTestCertificate(owner.id, { ...on, expiresInDays: 40 });
  const last = await createTestCertificate(owner.id, { ...on, expiresInDays: 45 });
  await createTestCertificate(owner.id, { ...on, expiresInDays: 38, brand: "GeoTrust", certificateType: "OV" });
  await createTestCertificate(owner.id, { ...on, expiresInDays: 42, brand: "Discontinued" });
  await createTestCertificate(owner.id, { ...on, expiresInDays: 44, validityYears: 2 });
  await createTestCertificate(owner.id, { ...on, expiresInDays: -1 });
  await createTestCertificate(owner.id, { ...on, expiresInDays: 61 }); // deducted after the window
  await createTestCertificate(owner.id, { expiresInDays: 36 }); // auto-renewal off
  await createTestCertificate(other.id, { ...on, expiresInDays: 36, domainType: "WILDCARD" });
  const renewed = await createTestCertificate(owner.id, { ...on, expiresInDays: 37, domainType: "WILDCARD" });
  const renewal = await createTestCertificate(owner.id, { status: "PENDING_VALIDATION", renewsId: renewed.id });
  await db.renewalOrder.create({
    data: {
      ownerId: owner.id,
      certificateId: renewed.id,
      trigger: "AUTO",
      status: "PENDING_VALIDATION",
      priceMinor: 9_900,
      currency: "USD",
      newCertificateId: renewal.id,
    },
  });
  return { owner, wildcard, single, last };
}

describe("getBalanceWarning", () => {
  it("is null without reading the certificates one by one while the balance covers every fee", async () => {
    for (const balanceMinor of [15_700, 50_000]) {
      const { owner } = await customerWithFeesDue(balanceMinor);
      vi.mocked(listUpcomingDeductions).mockClear();
      expect(await getBalanceWarning(owner.id, TEST_NOW)).toBeNull();
      expect(listUpcomingDeductions).not.toHaveBeenCalled();
      expect(await fullPlanWarning(owner.id)).toBeNull();
    }
  });

  it("is the full plan's warning when the fees may not fit: one refused, a later smaller one covered", async () => {
    const { owner, wildcard, single, last } = await customerWithFeesDue(5_000);
    vi.mocked(listUpcomingDeductions).mockClear();
    const warning = await getBalanceWarning(owner.id, TEST_NOW);
    expect(listUpcomingDeductions).toHaveBeenCalledTimes(1);
    expect(warning).toEqual(await fullPlanWarning(owner.id));
    expect(warning).toMatchObject({ dueMinor: 15_700, balanceMinor: 5_000, missingMinor: 10_700, currency: "USD" });
    // The $99 wildcard does not fit, the $29 after it does, the last $29 no longer does.
    expect(warning?.atRisk.map((fee) => [fee.certificateId, fee.feeMinor])).toEqual([
      [wildcard.id, 9_900],
      [last.id, 2_900],
    ]);
    expect(warning?.atRisk.map((fee) => fee.certificateId)).not.toContain(single.id);
  });

  it("is the full plan's warning one unit short of every fee", async () => {
    const { owner, last } = await customerWithFeesDue(15_699);
    const warning = await getBalanceWarning(owner.id, TEST_NOW);
    expect(warning).toEqual(await fullPlanWarning(owner.id));
    expect(warning?.atRisk.map((fee) => fee.certificateId)).toEqual([last.id]);
  });

  it("is null, rows unread, when only certificates the job will not charge are due", async () => {
    await seedTestPrices();
    const owner = await createTestUser();
    await createTestCertificate(owner.id, {
      autoRenewState: "ON",
      expiresInDays: 38,
      brand: "GeoTrust",
      certificateType: "OV",
    });
    await createTestCertificate(owner.id, { autoRenewState: "ON", expiresInDays: 42, brand: "Discontinued" });
    vi.mocked(listUpcomingDeductions).mockClear();
    expect(await getBalanceWarning(owner.id, TEST_NOW)).toBeNull();
    expect(listUpcomingDeductions).not.toHaveBeenCalled();
  });
});

describe("listUpcomingFeeGroups", () => {
  it("counts, per product and validity, exactly the candidates listUpcomingDeductions lists", async () => {
    const { owner } = await customerWithFeesDue(5_000);
    const { account, groups } = await listUpcomingFeeGroups(owner.id, window);
    const { candidates } = await listUpcomingDeductions(owner.id, window);
    expect(account).toEqual({ balanceMinor: 5_000, currency: "USD" });
    const counted = groups.map((group) => [group.price?.priceMinor, group.validityYears, group.count]);
    expect(counted.sort()).toEqual(
      [
        [2_900, 1, 2],
        [2_900, 2, 1],
        [9_900, 1, 1],
        [19_900, 1, 1],
        [undefined, 1, 1],
      ].sort(),
    );
    expect(groups.reduce((sum, group) => sum + group.count, 0)).toBe(candidates.length);
    const latest = Math.max(...candidates.map((candidate) => candidate.expiresAt.getTime()));
    expect(Math.max(...groups.map((group) => group.latestExpiresAt.getTime()))).toBe(latest);
  });
});

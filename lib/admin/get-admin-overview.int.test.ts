import { beforeAll, describe, expect, it } from "vitest";

const { db } = await import("@/lib/db/client");
const { getAdminOverview } = await import("@/lib/admin/get-admin-overview");
const { createTestCertificate, createTestUser, fundAccount, seedTestPrices, TEST_NOW } = await import(
  "@/testing/factories"
);

beforeAll(seedTestPrices);

describe("getAdminOverview", () => {
  it("counts certificates, sums the fees due in 30 days against the balances, and names the accounts at risk", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    // Covered: $50 against one $29 fee due in 10 days (expires in 40).
    const covered = await createTestUser({ email: "covered@example.test" });
    await fundAccount(covered.id, 5_000);
    await createTestCertificate(covered.id, { autoRenewState: "ON", expiresInDays: 40 });
    // At risk: $10 against $29 (due in 5 days) + $99 wildcard (overdue: the next run takes it).
    const short = await createTestUser({ email: "short@example.test", name: "Short" });
    await fundAccount(short.id, 1_000);
    await createTestCertificate(short.id, { autoRenewState: "ON", expiresInDays: 35 });
    await createTestCertificate(short.id, { autoRenewState: "ON", expiresInDays: 20, domainType: "WILDCARD" });
    // Not due in the window, off, terminated, expired, pending: counted but never charged.
    await createTestCertificate(short.id, { autoRenewState: "ON", expiresInDays: 61 });
    await createTestCertificate(short.id, { autoRenewState: "OFF", expiresInDays: 40 });
    await createTestCertificate(short.id, {
      autoRenewState: "TERMINATED",
      autoRenewEndReason: "INSUFFICIENT_BALANCE",
      expiresInDays: 40,
    });
    await createTestCertificate(short.id, { expiresInDays: -3 });
    await createTestCertificate(short.id, { status: "PENDING_VALIDATION", expiresAt: null });
    await db.jobRun.create({
      data: {
        trigger: "admin",
        triggeredById: admin.id,
        status: "SUCCEEDED",
        clockNow: TEST_NOW,
        startedAt: TEST_NOW,
        heartbeatAt: TEST_NOW,
        finishedAt: TEST_NOW,
      },
    });

    const overview = await getAdminOverview(admin, { now: TEST_NOW, timeZone: "Asia/Shanghai" });

    expect(overview.certificates.total).toBe(8);
    expect(Object.fromEntries(overview.certificates.byStatus.map((row) => [row.status, row.count]))).toMatchObject({
      ISSUED: 6,
      EXPIRED: 1,
      PENDING_VALIDATION: 1,
    });
    expect(overview.autoRenew).toEqual({ ON: 4, OFF: 3, TERMINATED: 1 });
    expect(overview.terminatedByReason).toEqual([{ reason: "INSUFFICIENT_BALANCE", count: 1 }]);
    expect(overview.due).toEqual([
      {
        currency: "USD",
        accountCount: 2,
        certificateCount: 3,
        dueMinor: 2_900 + 2_900 + 9_900,
        balanceMinor: 6_000,
        atRiskCount: 1,
        missingMinor: 2_900 + 9_900 - 1_000,
      },
    ]);
    expect(overview.atRisk).toEqual([
      expect.objectContaining({
        customerId: short.id,
        email: "short@example.test",
        certificateCount: 2,
        dueMinor: 12_800,
        balanceMinor: 1_000,
        missingMinor: 11_800,
        // The overdue fee is taken at the next run: now.
        firstDeductAt: TEST_NOW.toISOString(),
      }),
    ]);
    const days = overview.dueByDay?.days ?? [];
    expect(days).toHaveLength(31);
    // 08:00 UTC is 16:00 in Shanghai: day 0 is 2026-06-15 there.
    expect(days[0]).toEqual({ date: "2026-06-15", count: 1, coveredMinor: 0, atRiskMinor: 9_900 });
    expect(days[5]).toEqual({ date: "2026-06-20", count: 1, coveredMinor: 0, atRiskMinor: 2_900 });
    expect(days[10]).toEqual({ date: "2026-06-25", count: 1, coveredMinor: 2_900, atRiskMinor: 0 });
    expect(days.reduce((sum, day) => sum + day.coveredMinor + day.atRiskMinor, 0)).toBe(15_700);
    expect(overview.recentRuns[0]).toMatchObject({
      trigger: "admin",
      triggeredBy: { id: admin.id, email: admin.email },
    });
    expect(overview.customers).toEqual({ total: 2, disabled: 0 });
  });
});

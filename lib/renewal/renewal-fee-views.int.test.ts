// One set of accounts, shown to every view that predicts the renewal fees (Billing's
// forecast and banner, the admin customer page and overview, the Activate
// Auto-Renewal dialog, the 7-day balance warnings) and then charged by the job's
// deduction step: all of them must give the same answers as what the job does.
import { beforeAll, describe, expect, it } from "vitest";

const { db } = await import("@/lib/db/client");
const { getBalanceForecast } = await import("@/lib/billing/get-balance-forecast");
const { getBalanceWarning } = await import("@/lib/billing/get-balance-warning");
const { getCustomerDetail } = await import("@/lib/admin/get-customer-detail");
const { getAdminOverview } = await import("@/lib/admin/get-admin-overview");
const { getAutoRenewOffer } = await import("@/lib/renewal/get-auto-renew-offer");
const { createScheduledNotices } = await import("@/lib/notifications/create-scheduled-notices");
const { deductDueRenewals } = await import("@/lib/renewal-job/deduct-due-renewals");
const { deductionTime } = await import("@/lib/renewal/auto-renew-rules");
const { createTestCertificate, createTestUser, fundAccount, seedTestPrices, TEST_NOW } = await import(
  "@/testing/factories"
);
const { expectBalancesMatchLedger } = await import("@/testing/ledger-invariant");

const DAY = 86_400_000;
const WINDOW_END = new Date(TEST_NOW.getTime() + 30 * DAY);

/** Per account: which fees due in the next 30 days the balance covers, which not, and the sums. */
type Answer = {
  covered: string[];
  atRisk: string[];
  count: number;
  dueMinor: number;
  uncoveredCount: number;
  missingMinor: number;
};

type Fee = { id: string; feeMinor: number; deductAt: Date };

beforeAll(seedTestPrices);

describe("renewal fees: every view and the job give the same answers", () => {
  it("covers, and leaves at risk, the same certificates of the same accounts", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const fees = new Map<string, Fee>();
    const on = async (ownerId: string, expiresInDays: number, overrides: Record<string, unknown> = {}) => {
      const certificate = await createTestCertificate(ownerId, { autoRenewState: "ON", expiresInDays, ...overrides });
      const priceMinor = overrides.domainType === "WILDCARD" ? 9_900 : 2_900;
      if (certificate.expiresAt) {
        fees.set(certificate.id, {
          id: certificate.id,
          feeMinor: priceMinor,
          deductAt: deductionTime(certificate.expiresAt),
        });
      }
      return certificate.id;
    };

    // Covered: $200 holds an overdue $29, a $29 in 3 days and a $99 in 20; a $29 due a
    // minute after the window is not counted yet.
    const covered = await createTestUser({ email: "covered@fees.test" });
    await fundAccount(covered.id, 20_000);
    const coveredOverdue = await on(covered.id, 27);
    const coveredSoon = await on(covered.id, 33);
    const coveredWildcard = await on(covered.id, 50, { domainType: "WILDCARD" });
    await on(covered.id, 60 + 1 / 1440);

    // Short: $50 cannot take the overdue $99 wildcard, takes the later $29, and then has
    // $21 left, short of the last $29.
    const short = await createTestUser({ email: "short@fees.test" });
    await fundAccount(short.id, 5_000);
    const shortWildcard = await on(short.id, 28, { domainType: "WILDCARD" });
    const shortFits = await on(short.id, 45);
    const shortLast = await on(short.id, 55);

    // Zero balance: nothing is covered, also not the fee due exactly at the window's end.
    const zero = await createTestUser({ email: "zero@fees.test" });
    const zeroSoon = await on(zero.id, 36);
    const zeroAtEnd = await on(zero.id, 60);

    // Not fees at all: a product not offered for auto-renewal, one no longer sold, a
    // 2-year certificate, one that has expired; only the plain $29 is due.
    const mixed = await createTestUser({ email: "mixed@fees.test" });
    await fundAccount(mixed.id, 10_000);
    await on(mixed.id, 40, { brand: "GeoTrust", certificateType: "OV" });
    await on(mixed.id, 41, { brand: "Withdrawn" });
    await on(mixed.id, 43, { validityYears: 2 });
    await on(mixed.id, -1);
    const mixedDue = await on(mixed.id, 42);

    // An account kept in euros: the dollar price cannot be taken from it.
    const euro = await createTestUser({ email: "euro@fees.test" });
    await db.billingAccount.update({ where: { ownerId: euro.id }, data: { currency: "EUR" } });
    await fundAccount(euro.id, 10_000);
    await on(euro.id, 44);

    const owners = { covered, short, zero, mixed, euro };
    const expected: Record<keyof typeof owners, Pick<Answer, "covered" | "atRisk">> = {
      covered: { covered: [coveredOverdue, coveredSoon, coveredWildcard], atRisk: [] },
      short: { covered: [shortFits], atRisk: [shortWildcard, shortLast] },
      zero: { covered: [], atRisk: [zeroSoon, zeroAtEnd] },
      mixed: { covered: [mixedDue], atRisk: [] },
      euro: { covered: [], atRisk: [] },
    };
    const balances = { covered: 20_000, short: 5_000, zero: 0, mixed: 10_000, euro: 10_000 };
    const answer = (name: keyof typeof owners, sets: Pick<Answer, "covered" | "atRisk">): Answer => {
      const dueMinor = [...sets.covered, ...sets.atRisk].reduce((sum, id) => sum + (fees.get(id)?.feeMinor ?? 0), 0);
      return {
        covered: [...sets.covered].sort(),
        atRisk: [...sets.atRisk].sort(),
        count: sets.covered.length + sets.atRisk.length,
        dueMinor,
        uncoveredCount: sets.atRisk.length,
        missingMinor: Math.max(0, dueMinor - balances[name]),
      };
    };
    const names = Object.keys(owners) as (keyof typeof owners)[];

    // Billing: the forecast's fees of the next 30 days (the 90-day plan begins with them), and the banner.
    for (const name of names) {
      const forecast = await getBalanceForecast(owners[name].id, TEST_NOW, "UTC", { page: 1, pageSize: 10 });
      const inWindow = forecast.deductions.items.filter((fee) => Date.parse(fee.deductAt) <= WINDOW_END.getTime());
      expect
        .soft(
          answer(name, {
            covered: inWindow.filter((fee) => fee.covered).map((fee) => fee.certificateId),
            atRisk: inWindow.filter((fee) => !fee.covered).map((fee) => fee.certificateId),
          }),
          `Billing forecast of ${name}`,
        )
        .toEqual(answer(name, expected[name]));

      const warning = await getBalanceWarning(owners[name].id, TEST_NOW);
      const expectedAnswer = answer(name, expected[name]);
      expect
        .soft(
          {
            atRisk: (warning?.atRisk.map((fee) => fee.certificateId) ?? []).sort(),
            missingMinor: warning?.missingMinor ?? 0,
            dueMinor: warning ? warning.dueMinor : expectedAnswer.uncoveredCount === 0 ? expectedAnswer.dueMinor : null,
          },
          `balance warning of ${name}`,
        )
        .toEqual({
          atRisk: expectedAnswer.atRisk,
          missingMinor: expectedAnswer.missingMinor,
          dueMinor: expectedAnswer.dueMinor,
        });
    }

    // The admin customer page.
    for (const name of names) {
      const detail = await getCustomerDetail(admin, owners[name].id, TEST_NOW);
      const { count, dueMinor, uncoveredCount, missingMinor } = answer(name, expected[name]);
      expect.soft(detail?.dueIn30Days, `customer page of ${name}`).toEqual({
        count,
        dueMinor,
        uncoveredCount,
        missingMinor,
      });
    }

    // The admin overview: totals, the accounts at risk, and each day's covered and uncovered fees.
    const overview = await getAdminOverview(admin, { now: TEST_NOW, timeZone: "UTC" });
    const answers = names.map((name) => ({ name, ...answer(name, expected[name]) }));
    const owing = answers.filter((row) => row.count > 0);
    const atRisk = owing.filter((row) => row.uncoveredCount > 0);
    expect.soft(overview.due, "admin overview: totals").toEqual([
      {
        currency: "USD",
        accountCount: owing.length,
        certificateCount: owing.reduce((sum, row) => sum + row.count, 0),
        dueMinor: owing.reduce((sum, row) => sum + row.dueMinor, 0),
        balanceMinor: owing.reduce((sum, row) => sum + balances[row.name], 0),
        atRiskCount: atRisk.length,
        missingMinor: atRisk.reduce((sum, row) => sum + row.missingMinor, 0),
      },
    ]);
    expect
      .soft(
        overview.atRisk.map(({ email, certificateCount, dueMinor, missingMinor }) => ({
          email,
          certificateCount,
          dueMinor,
          missingMinor,
        })),
        "admin overview: accounts at risk",
      )
      .toEqual(
        atRisk
          .sort((a, b) => b.missingMinor - a.missingMinor)
          .map((row) => ({
            email: owners[row.name].email,
            certificateCount: row.count,
            dueMinor: row.dueMinor,
            missingMinor: row.missingMinor,
          })),
      );
    const expectedDays = new Map<string, { count: number; coveredMinor: number; atRiskMinor: number }>();
    for (const row of answers) {
      for (const id of [...row.covered, ...row.atRisk]) {
        const fee = fees.get(id);
        if (!fee) continue;
        const date = new Date(Math.max(fee.deductAt.getTime(), TEST_NOW.getTime())).toISOString().slice(0, 10);
        const day = expectedDays.get(date) ?? { count: 0, coveredMinor: 0, atRiskMinor: 0 };
        expectedDays.set(date, day);
        day.count += 1;
        if (row.covered.includes(id)) day.coveredMinor += fee.feeMinor;
        else day.atRiskMinor += fee.feeMinor;
      }
    }
    expect
      .soft(
        Object.fromEntries(
          (overview.dueByDay?.days ?? []).filter((day) => day.count > 0).map(({ date, ...day }) => [date, day]),
        ),
        "admin overview: fees per day",
      )
      .toEqual(Object.fromEntries([...expectedDays].sort(([a], [b]) => a.localeCompare(b))));

    // The Activate Auto-Renewal dialog warns of a shortfall exactly for the fees at risk.
    for (const name of names) {
      for (const id of [...expected[name].covered, ...expected[name].atRisk]) {
        const offer = await getAutoRenewOffer(owners[name].id, id, TEST_NOW);
        expect
          .soft(offer?.shortfallMinor ?? 0, `auto-renewal dialog of ${id} (${name})`)
          .toSatisfy((shortfall: number) => (expected[name].atRisk.includes(id) ? shortfall > 0 : shortfall === 0));
      }
    }

    // The job's balance warnings (7 days and 1 day before): for the fees at risk due within 7 days only.
    await createScheduledNotices(TEST_NOW);
    const warned = await db.notification.findMany({
      where: { kind: "BALANCE_WARNING" },
      select: { certificateId: true },
    });
    const withinWeek = (id: string) => {
      const deductAt = fees.get(id)?.deductAt.getTime() ?? 0;
      return deductAt > TEST_NOW.getTime() && deductAt <= TEST_NOW.getTime() + 7 * DAY;
    };
    expect
      .soft(warned.map((notice) => notice.certificateId).sort(), "balance warnings 7 days ahead")
      .toEqual(names.flatMap((name) => expected[name].atRisk.filter(withinWeek)).sort());

    // The job: its deduction step run now and at each later deduction time of the window
    // charges exactly the fees predicted covered, and ends the others for want of balance.
    const run = await db.jobRun.create({
      data: { trigger: "cron", status: "RUNNING", clockNow: TEST_NOW, startedAt: TEST_NOW, heartbeatAt: TEST_NOW },
    });
    const times = [
      ...new Set(
        [...fees.values()]
          .map((fee) => Math.max(fee.deductAt.getTime(), TEST_NOW.getTime()))
          .filter((time) => time <= WINDOW_END.getTime()),
      ),
    ].sort((a, b) => a - b);
    for (const time of times) await deductDueRenewals({ now: new Date(time), jobRunId: run.id, lanes: 1 });

    for (const name of names) {
      const certificates = await db.certificate.findMany({
        where: { ownerId: owners[name].id, renewsId: null },
        select: {
          id: true,
          autoRenewState: true,
          autoRenewEndReason: true,
          renewalOrders: { select: { trigger: true } },
        },
      });
      const charged = certificates.filter((row) => row.renewalOrders.some((order) => order.trigger === "AUTO"));
      const refused = certificates.filter((row) => row.autoRenewEndReason === "INSUFFICIENT_BALANCE");
      expect
        .soft(
          answer(name, { covered: charged.map((row) => row.id), atRisk: refused.map((row) => row.id) }),
          `the job's charges for ${name}`,
        )
        .toEqual(answer(name, expected[name]));
      // What no view counts as a fee, the job ends without a charge; the fee due after the window waits.
      expect(
        certificates
          .filter((row) => ![...expected[name].covered, ...expected[name].atRisk].includes(row.id))
          .map((row) => row.autoRenewEndReason ?? row.autoRenewState)
          .sort(),
        `the job's other outcomes for ${name}`,
      ).toEqual(
        {
          covered: ["ON"],
          short: [],
          zero: [],
          mixed: ["EXPIRED_BEFORE_DEDUCTION", "NOT_ELIGIBLE", "NOT_ELIGIBLE", "NOT_ELIGIBLE"],
          euro: ["NOT_ELIGIBLE"],
        }[name],
      );
      const balance = await db.billingAccount.findUniqueOrThrow({ where: { ownerId: owners[name].id } });
      expect(balance.balanceMinor).toBe(
        balances[name] - charged.reduce((sum, row) => sum + (fees.get(row.id)?.feeMinor ?? 0), 0),
      );
    }
    await expectBalancesMatchLedger();
  });
});

// Every admin lib function, for the three kinds of caller: signed out →
// UNAUTHENTICATED, a customer → FORBIDDEN, an administrator → it works. The role is
// checked by the action wrapper or route AND by the lib function itself: the wrapper
// and route layer (every admin action and route, among all the others) is covered by
// testing/security/authorization-matrix.int.test.ts; this file covers the lib layer.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";

// Before any import reads the configuration: the demo clock exists only in DEMO_MODE.
vi.hoisted(() => {
  process.env.DEMO_MODE = "true";
});

const { db } = await import("@/lib/db/client");
const { AppError } = await import("@/lib/errors");
const factories = await import("@/testing/factories");
const { adjustBalance } = await import("@/lib/admin/adjust-balance");
const { getAdminCertificateDetail } = await import("@/lib/admin/get-admin-certificate-detail");
const { getAdminJobRun, getActiveAdminJobRun } = await import("@/lib/admin/get-admin-job-run");
const { getAdminOverview } = await import("@/lib/admin/get-admin-overview");
const { getCustomerDetail } = await import("@/lib/admin/get-customer-detail");
const { getDemoClock } = await import("@/lib/admin/get-demo-clock");
const { listAdminJobRuns } = await import("@/lib/admin/list-admin-job-runs");
const { listAdminPrices } = await import("@/lib/admin/list-admin-prices");
const { listAllCertificates } = await import("@/lib/admin/list-all-certificates");
const { listAuditEntries } = await import("@/lib/admin/list-audit-entries");
const { listCustomerLedger } = await import("@/lib/admin/list-customer-ledger");
const { listCustomers } = await import("@/lib/admin/list-customers");
const { setAccountDisabled } = await import("@/lib/admin/set-account-disabled");
const { setDemoClock } = await import("@/lib/admin/set-demo-clock");
const { startJobRun } = await import("@/lib/admin/start-job-run");
const { updatePrice } = await import("@/lib/admin/update-price");
const { updateFreeCertificateLimit } = await import("@/lib/admin/update-free-certificate-limit");
const { parseAdminCertificateListParams } = await import("@/lib/admin/admin-certificate-list-params");
const { parseAuditListParams } = await import("@/lib/admin/audit-list-params");
const { parseCustomerListParams } = await import("@/lib/admin/customer-list-params");
const { parseLedgerListParams } = await import("@/lib/billing/ledger-list-params");
type User = Awaited<ReturnType<typeof factories.createTestUser>>;
let admin: User;
let customer: User;
let certificateId: string;
let priceId: string;
let jobRunId: string;
const now = factories.TEST_NOW;
const context = () => ({ ip: "198.51.100.10", now, realNow: new Date() });

beforeAll(async () => {
  await factories.seedTestPrices();
  admin = await factories.createTestUser({ role: "ADMIN", name: "Admin" });
  customer = await factories.createTestUser({ name: "Customer" });
  certificateId = (await factories.createTestCertificate(customer.id)).id;
  priceId = (await db.price.findFirstOrThrow({ where: { brand: "DNSPod", domainType: "SINGLE" } })).id;
  jobRunId = (
    await db.jobRun.create({
      data: { trigger: "cron", status: "SUCCEEDED", clockNow: now, startedAt: now, heartbeatAt: now, finishedAt: now },
    })
  ).id;
});

/** Another account to disable, so every admin call changes something real. */
async function someoneElse() {
  return (await factories.createTestUser()).id;
}

const LIB: Record<string, (actor: User | null) => Promise<unknown>> = {
  listCustomers: (actor) => listCustomers(actor, parseCustomerListParams({}), now),
  getCustomerDetail: (actor) => getCustomerDetail(actor, customer.id, now),
  listCustomerLedger: (actor) =>
    listCustomerLedger(actor, customer.id, parseLedgerListParams({}), { now, timeZone: "UTC" }),
  adjustBalance: (actor) =>
    adjustBalance(
      actor,
      {
        customerId: customer.id,
        direction: "CREDIT",
        amountMinor: 100,
        currency: "USD",
        reason: "Test",
        operationId: randomUUID(),
      },
      context(),
    ),
  setAccountDisabled: async (actor) =>
    setAccountDisabled(actor, { userId: await someoneElse(), disabled: true }, context()),
  listAllCertificates: (actor) => listAllCertificates(actor, parseAdminCertificateListParams({}), now),
  getAdminCertificateDetail: (actor) => getAdminCertificateDetail(actor, certificateId, now),
  listAdminJobRuns: (actor) => listAdminJobRuns(actor, { page: 1, pageSize: 20 }, now),
  getAdminJobRun: (actor) => getAdminJobRun(actor, jobRunId, now),
  getActiveAdminJobRun: (actor) => getActiveAdminJobRun(actor, new Date()),
  startJobRun: (actor) => startJobRun(actor, context()),
  listAdminPrices: (actor) => listAdminPrices(actor, now),
  updatePrice: (actor) =>
    updatePrice(actor, { priceId, priceMinor: 2_900, currency: "USD", autoRenewSupported: true }, context()),
  updateFreeCertificateLimit: (actor) => updateFreeCertificateLimit(actor, { limit: 40 }, context()),
  listAuditEntries: (actor) => listAuditEntries(actor, parseAuditListParams({}), { now, timeZone: "UTC" }),
  getDemoClock: (actor) => getDemoClock(actor, { realNow: new Date() }),
  setDemoClock: (actor) => setDemoClock(actor, { now: null }, context()),
  getAdminOverview: (actor) => getAdminOverview(actor, { now, timeZone: "UTC" }),
};

describe("admin lib functions", () => {
  it.each(Object.keys(LIB))("%s: anonymous → UNAUTHENTICATED, customer → FORBIDDEN, admin → ok", async (name) => {
    const call = LIB[name] as (actor: User | null) => Promise<unknown>;
    await expect(call(null)).rejects.toThrow(new AppError("UNAUTHENTICATED"));
    await expect(call(customer)).rejects.toThrow(new AppError("FORBIDDEN"));
    await expect(call(admin)).resolves.not.toBeInstanceOf(Error);
  });
});

// Every admin server action, lib function and JSON route, for the three kinds of
// caller: signed out → UNAUTHENTICATED (401), a customer → FORBIDDEN (403), an
// administrator → it works. The role is checked by the action wrapper or route AND
// by the lib function itself, so both layers are exercised here.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { actAs } from "@/lib/testing/action-harness";

// Before any import reads the configuration: the demo clock exists only in DEMO_MODE.
vi.hoisted(() => {
  process.env.DEMO_MODE = "true";
});
// "Run now" schedules the run after the response; here nothing runs after anything.
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  after: () => undefined,
}));

const { db } = await import("@/lib/db/client");
const { AppError } = await import("@/lib/errors");
const factories = await import("@/lib/testing/factories");
const { adjustBalanceAction, setAccountDisabledAction } = await import("@/app/admin/customers/actions");
const { updatePriceAction } = await import("@/app/admin/prices/actions");
const { runRenewalJobNowAction } = await import("@/app/admin/jobs/actions");
const { setDemoClockAction, resetDemoClockAction } = await import("@/app/admin/clock/actions");
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
const { parseAdminCertificateListParams } = await import("@/lib/admin/admin-certificate-list-params");
const { parseAuditListParams } = await import("@/lib/admin/audit-list-params");
const { parseCustomerListParams } = await import("@/lib/admin/customer-list-params");
const { parseLedgerListParams } = await import("@/lib/billing/ledger-list-params");
const certificatesRoute = await import("@/app/api/admin/certificates/route");
const certificateRoute = await import("@/app/api/admin/certificates/[id]/route");
const jobsRoute = await import("@/app/api/admin/jobs/route");
const jobRoute = await import("@/app/api/admin/jobs/[id]/route");
const clockRoute = await import("@/app/api/admin/clock/route");

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

const ACTIONS: Record<string, () => Promise<{ ok: boolean; code?: string }>> = {
  adjustBalanceAction: () =>
    adjustBalanceAction({
      customerId: customer.id,
      direction: "CREDIT",
      amount: "5.00",
      currency: "USD",
      reason: "Goodwill",
      operationId: randomUUID(),
    }),
  setAccountDisabledAction: async () => setAccountDisabledAction({ userId: await someoneElse(), disabled: true }),
  updatePriceAction: () => updatePriceAction({ priceId, price: "29.00", currency: "USD", autoRenewSupported: true }),
  runRenewalJobNowAction: () => runRenewalJobNowAction({}),
  setDemoClockAction: () => setDemoClockAction({ now: "2026-07-01T00:00:00Z" }),
  resetDemoClockAction: () => resetDemoClockAction({}),
};

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
  listAuditEntries: (actor) => listAuditEntries(actor, parseAuditListParams({}), { now, timeZone: "UTC" }),
  getDemoClock: (actor) => getDemoClock(actor, { realNow: new Date() }),
  setDemoClock: (actor) => setDemoClock(actor, { now: null }, context()),
  getAdminOverview: (actor) => getAdminOverview(actor, { now, timeZone: "UTC" }),
};

const get = (path: string) => new Request(`http://localhost${path}`);
const ROUTES: Record<string, () => Promise<Response>> = {
  "GET /api/admin/certificates": () => certificatesRoute.GET(get("/api/admin/certificates?owner=example")),
  "GET /api/admin/certificates/[id]": () =>
    certificateRoute.GET(get(`/api/admin/certificates/${certificateId}`), {
      params: Promise.resolve({ id: certificateId }),
    }),
  "GET /api/admin/jobs": () => jobsRoute.GET(get("/api/admin/jobs?page=1")),
  "GET /api/admin/jobs/[id]": () =>
    jobRoute.GET(get(`/api/admin/jobs/${jobRunId}`), { params: Promise.resolve({ id: jobRunId }) }),
  "GET /api/admin/clock": () => clockRoute.GET(get("/api/admin/clock")),
  "PUT /api/admin/clock": () =>
    clockRoute.PUT(
      new Request("http://localhost/api/admin/clock", {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ now: "2026-07-01T00:00:00+08:00" }),
      }),
    ),
  "DELETE /api/admin/clock": () =>
    clockRoute.DELETE(new Request("http://localhost/api/admin/clock", { method: "DELETE" })),
};

describe("admin server actions", () => {
  it.each(Object.keys(ACTIONS))("%s: anonymous → UNAUTHENTICATED, customer → FORBIDDEN, admin → ok", async (name) => {
    const call = ACTIONS[name] as () => Promise<{ ok: boolean; code?: string }>;
    actAs(null);
    expect(await call()).toMatchObject({ ok: false, code: "UNAUTHENTICATED" });
    actAs(customer);
    expect(await call()).toMatchObject({ ok: false, code: "FORBIDDEN" });
    actAs(admin);
    expect(await call()).toMatchObject({ ok: true });
  });
});

describe("admin lib functions", () => {
  it.each(Object.keys(LIB))("%s: anonymous → UNAUTHENTICATED, customer → FORBIDDEN, admin → ok", async (name) => {
    const call = LIB[name] as (actor: User | null) => Promise<unknown>;
    await expect(call(null)).rejects.toThrow(new AppError("UNAUTHENTICATED"));
    await expect(call(customer)).rejects.toThrow(new AppError("FORBIDDEN"));
    await expect(call(admin)).resolves.not.toBeInstanceOf(Error);
  });
});

describe("admin JSON routes", () => {
  it.each(Object.keys(ROUTES))("%s: anonymous → 401, customer → 403, admin → 200", async (name) => {
    const call = ROUTES[name] as () => Promise<Response>;
    actAs(null);
    expect((await call()).status).toBe(401);
    actAs(customer);
    expect((await call()).status).toBe(403);
    actAs(admin);
    const response = await call();
    expect(response.status, await response.clone().text()).toBe(200);
  });
});

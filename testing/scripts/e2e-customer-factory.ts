// Test support for e2e/fixtures.ts: one long-lived process per Playwright worker that
// creates customers in the e2e app's database, each with its own copy of the demo
// certificates (balance $50, fees due soon). Starting tsx and loading the application for
// every test cost seconds of each test's budget on a 2-core machine; this loads it once.
// Reads one JSON request per line on stdin ({ label, empty?, renewing? }) and answers each
// with one line on stdout, ANSWER_PREFIX and JSON ({ id, email, password } or { error }), so
// that nothing the application logs there is taken for an answer. `renewing: N` adds
// N auto-renewing certificates whose fees fall due over the next 90 days. Exits when stdin
// closes (its worker ended). Refuses anything but a local database.
import { randomBytes } from "node:crypto";
import { createInterface } from "node:readline";
import { requireLocalE2eDatabase } from "./local-e2e-database";

requireLocalE2eDatabase("e2e-customer-factory");

const [
  { registerUser },
  { seedDemoCertificates },
  { db, disconnectDb },
  { addCalendarYears, addDays },
  { issuedCertificateRow },
] = await Promise.all([
  import("@/lib/auth/register-user"),
  import("@/lib/seed/seed-demo-certificates"),
  import("@/lib/db/client"),
  import("@/lib/time"),
  import("@/testing/factories"),
]);

type CustomerRequest = { label?: unknown; empty?: unknown; renewing?: unknown };

async function createCustomer(request: CustomerRequest) {
  const label = String(request.label ?? "")
    .replace(/[^a-z0-9-]/gi, "")
    .slice(0, 20);
  const email = `${label || "customer"}-${randomBytes(5).toString("hex")}@e2e.test`;
  const password = "e2e-password-1";
  const now = new Date(process.env.E2E_NOW ?? Date.now());
  const user = await registerUser({ email, password, name: `E2E ${label || "customer"}`, now });
  if (request.empty !== true) await seedDemoCertificates(user.id, now);
  const renewing = Math.max(0, Math.floor(Number(request.renewing) || 0));
  if (renewing > 0) {
    // Expiring 40, 55 or 70 days out, several on each day: each fee is taken 30 days
    // before, inside the forecast's window.
    await db.certificate.createMany({
      data: Array.from({ length: renewing }, (_, index) => {
        const expiresAt = addDays(now, 40 + (index % 3) * 15);
        const notBefore = addCalendarYears(expiresAt, -1);
        const domain = `renewing-${String(index + 1).padStart(3, "0")}.${label || "customer"}.example`;
        return {
          ...issuedCertificateRow({ ownerId: user.id, domain, notBefore, expiresAt, autoRenewState: "ON" }),
          issuedAt: notBefore,
          autoRenewChangedAt: now,
        };
      }),
    });
  }
  return { id: user.id, email, password };
}

const ANSWER_PREFIX = "e2e-customer ";
function answer(value: object) {
  process.stdout.write(`${ANSWER_PREFIX}${JSON.stringify(value)}\n`);
}

// One request at a time, in order: a worker runs one test at a time.
const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (!line.trim()) continue;
  try {
    answer(await createCustomer(JSON.parse(line) as CustomerRequest));
  } catch (error) {
    answer({ error: error instanceof Error ? error.message : String(error) });
  }
}
await disconnectDb();
process.exit(0);

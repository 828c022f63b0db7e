// Test support for e2e/fixtures.ts: creates a customer with its own copy of the demo
// certificates (balance $50, fees due soon) in the e2e app's database, and prints it
// as JSON. `--renewing=N` adds N auto-renewing certificates whose fees fall due over
// the next 90 days. Refuses anything but a local database.
import { randomBytes } from "node:crypto";

const url = process.env.DATABASE_URL ?? "";
const host = url ? new URL(url).hostname : "";
if (!["127.0.0.1", "localhost", "::1"].includes(host)) {
  console.error("e2e-create-customer: DATABASE_URL must point at a local database");
  process.exit(2);
}
process.env.AUTH_SECRET ??= "e2e-seed-only-not-used-for-signing-000000";
process.env.CRON_SECRET ??= "e2e-seed-only-not-used-for-anything-00000";
process.env.ENCRYPTION_KEY ??= Buffer.alloc(32, 9).toString("base64");
process.env.LOG_LEVEL ??= "warn";

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
const label = process.argv[2]?.replace(/[^a-z0-9-]/gi, "").slice(0, 20) || "customer";
const email = `${label}-${randomBytes(5).toString("hex")}@e2e.test`;
const password = "e2e-password-1";
const now = new Date(process.env.E2E_NOW ?? Date.now());
const user = await registerUser({ email, password, name: `E2E ${label}`, now });
const certificates = process.argv.includes("--empty") ? 0 : await seedDemoCertificates(user.id, now);
const renewingArg = process.argv.find((arg) => arg.startsWith("--renewing="))?.slice("--renewing=".length);
const renewing = Math.max(0, Number.parseInt(renewingArg ?? "0", 10) || 0);
if (renewing > 0) {
  // Expiring 40, 55 or 70 days out, several on each day: each fee is taken 30 days
  // before, inside the forecast's window.
  await db.certificate.createMany({
    data: Array.from({ length: renewing }, (_, index) => {
      const expiresAt = addDays(now, 40 + (index % 3) * 15);
      const notBefore = addCalendarYears(expiresAt, -1);
      const domain = `renewing-${String(index + 1).padStart(3, "0")}.${label}.example`;
      return {
        ...issuedCertificateRow({ ownerId: user.id, domain, notBefore, expiresAt, autoRenewState: "ON" }),
        issuedAt: notBefore,
        autoRenewChangedAt: now,
      };
    }),
  });
}
await disconnectDb();
console.log(JSON.stringify({ id: user.id, email, password, certificates: certificates + renewing }));
process.exit(0);

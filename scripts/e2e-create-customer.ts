// Test support for e2e/fixtures.ts: creates a customer with its own copy of the demo
// certificates (balance $50, fees due soon) in the e2e app's database, and prints it
// as JSON. Refuses anything but a local database.
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

const [{ registerUser }, { seedDemoCertificates }, { disconnectDb }] = await Promise.all([
  import("@/lib/auth/register-user"),
  import("@/lib/seed/seed-demo-certificates"),
  import("@/lib/db/client"),
]);
const label = process.argv[2]?.replace(/[^a-z0-9-]/gi, "").slice(0, 20) || "customer";
const email = `${label}-${randomBytes(5).toString("hex")}@e2e.test`;
const password = "e2e-password-1";
const now = new Date(process.env.E2E_NOW ?? Date.now());
const user = await registerUser({ email, password, name: `E2E ${label}`, now });
const certificates = process.argv.includes("--empty") ? 0 : await seedDemoCertificates(user.id, now);
await disconnectDb();
console.log(JSON.stringify({ id: user.id, email, password, certificates }));
process.exit(0);

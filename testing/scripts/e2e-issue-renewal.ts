// A module (top-level await), with no exports of its own.
export {};

// Test support for e2e/after-issuance.spec.ts: renews one of an e2e customer's certificates
// (by domain) and issues the renewal from the built-in CA, as the job does once the DNS
// record is found (the e2e app has no DNS to look it up in). Prints the two ids as JSON.
// Refuses anything but a local database.
const url = process.env.DATABASE_URL ?? "";
const host = url ? new URL(url).hostname : "";
if (!["127.0.0.1", "localhost", "::1"].includes(host)) {
  console.error("e2e-issue-renewal: DATABASE_URL must point at a local database");
  process.exit(2);
}
process.env.AUTH_SECRET ??= "e2e-seed-only-not-used-for-signing-000000";
process.env.CRON_SECRET ??= "e2e-seed-only-not-used-for-anything-00000";
process.env.ENCRYPTION_KEY ??= Buffer.alloc(32, 9).toString("base64");
process.env.LOG_LEVEL ??= "warn";

const [{ db, disconnectDb }, { renewManually }, { issuePendingCertificate }] = await Promise.all([
  import("@/lib/db/client"),
  import("@/lib/renewal/renew-manually"),
  import("@/lib/issuance/issue-pending-certificate"),
]);
const [ownerId = "", domain = ""] = process.argv.slice(2);
const now = new Date(process.env.E2E_NOW ?? Date.now());
const old = await db.certificate.findFirstOrThrow({ where: { ownerId, domain, status: "ISSUED" } });
const { newCertificateId } = await renewManually({ ownerId, certificateId: old.id, actorId: ownerId, ip: null, now });
await db.certificate.update({ where: { id: newCertificateId, ownerId }, data: { validatedAt: now } });
const outcome = await issuePendingCertificate(newCertificateId, now);
await disconnectDb();
console.log(JSON.stringify({ oldId: old.id, newId: newCertificateId, outcome }));
process.exit(outcome === "issued" ? 0 : 1);

// Test support for e2e/after-issuance.spec.ts: renews one of an e2e customer's certificates
// (by domain) and issues the renewal from the built-in CA, as the job does once the DNS
// record is found (the e2e app has no DNS to look it up in). Prints the two ids as JSON.
// Refuses anything but a local database.
import { requireLocalE2eDatabase } from "./local-e2e-database";

requireLocalE2eDatabase("e2e-issue-renewal");

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

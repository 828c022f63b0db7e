// An issued certificate of the built-in CA, with its sealed key, as the renewal of a domain
// hosted with us (issued at once): what a customer deploys. The certificate it renewed is
// returned too (without files, like the demo's). Needs seeded prices (seedTestPrices).
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { renewManually } from "@/lib/renewal/renew-manually";
import { createTestCertificate, fundAccount, TEST_NOW } from "@/testing/factories";

export async function createDeployableCertificate(
  ownerId: string,
  options: { domain?: string; now?: Date; autoUpdateResources?: boolean } = {},
): Promise<{ certificateId: string; predecessorId: string; domain: string; serialNumber: string }> {
  const now = options.now ?? TEST_NOW;
  const zone = `deploy-${randomBytes(3).toString("hex")}.test`;
  const domain = options.domain ?? `www.${zone}`;
  // A test deploying several certificates of one site's name to one owner's servers makes its zone once.
  const zoneName = domain.split(".").slice(-2).join(".");
  await db.hostedZone.upsert({ where: { name: zoneName }, create: { ownerId, name: zoneName }, update: {} });
  await fundAccount(ownerId, 100_000);
  const expiring = await createTestCertificate(ownerId, {
    domain,
    expiresInDays: 12,
    autoUpdateResources: options.autoUpdateResources ?? false,
  });
  const renewal = await renewManually({ ownerId, certificateId: expiring.id, actorId: ownerId, ip: null, now });
  if (!renewal.issued) throw new Error(`the renewal of ${domain} (a hosted domain) should be issued at once`);
  const issued = await db.certificate.findUniqueOrThrow({
    where: { id: renewal.newCertificateId },
    select: { serialNumber: true },
  });
  return {
    certificateId: renewal.newCertificateId,
    predecessorId: expiring.id,
    domain,
    serialNumber: (issued.serialNumber ?? "").toUpperCase(),
  };
}

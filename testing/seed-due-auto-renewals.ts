import { db } from "@/lib/db/client";
import { createTestUser, fundAccount, issuedCertificateRow, seedTestPrices } from "@/testing/factories";

/**
 * `count` DNSPod single-domain certificates with auto-renewal on, spread over `owners`
 * funded owners (ten by default), all due for deduction at `now` (10 to 24 days before
 * expiry), named `<label>-<i>.<label>.test`.
 */
export async function seedDueAutoRenewals({
  label,
  count,
  fundPerOwnerMinor,
  now,
  owners: ownerCount = 10,
}: {
  label: string;
  count: number;
  fundPerOwnerMinor: number;
  now: number;
  owners?: number;
}): Promise<{ domainSuffix: string; ownerIds: string[] }> {
  await seedTestPrices();
  // One at a time: each registration is a transaction, and ten at once on the test's small
  // pool wait past Prisma's transaction start limit on a loaded machine.
  const owners: Awaited<ReturnType<typeof createTestUser>>[] = [];
  for (let index = 0; index < ownerCount; index++) owners.push(await createTestUser());
  for (const owner of owners) await fundAccount(owner.id, fundPerOwnerMinor);
  const domainSuffix = `.${label}.test`;
  await db.certificate.createMany({
    data: Array.from({ length: count }, (_, i) =>
      issuedCertificateRow({
        ownerId: owners[i % owners.length]?.id ?? "",
        domain: `${label}-${i}${domainSuffix}`,
        notBefore: new Date(now - 300 * 86_400_000),
        expiresAt: new Date(now + (10 + (i % 15)) * 86_400_000),
        autoRenewState: "ON",
      }),
    ),
  });
  return { domainSuffix, ownerIds: owners.map((owner) => owner.id) };
}

import { describe, expect, it } from "vitest";
import { parseCertificateListParams } from "@/lib/certificates/certificate-list-params";
import { countMatchingCertificates, isUnfiltered } from "@/lib/certificates/count-matching-certificates";
import { certificateFilterWhere, consoleCertificateFilter } from "@/lib/certificates/list-certificates";
import { db } from "@/lib/db/client";
import { createTestCertificate, createTestUser, issuedCertificateRow, TEST_NOW } from "@/testing/factories";

const DAY = 86_400_000;

/** What the owner's CertificateCount row says, and what counting their rows says. */
async function counts(ownerId: string) {
  const where = certificateFilterWhere(ownerId, {}, TEST_NOW);
  return {
    kept: await countMatchingCertificates(ownerId, [{}], where, TEST_NOW),
    counted: await db.certificate.count({ where }),
  };
}

describe("isUnfiltered", () => {
  it("holds for the console's list as it opens, and for no filter that narrows it", () => {
    // The console's parameters carry `expiring: false` and the like, not absent keys.
    expect(isUnfiltered(consoleCertificateFilter(parseCertificateListParams(new URLSearchParams())), TEST_NOW)).toBe(
      true,
    );
    for (const query of ["q=shop", "status=ISSUED", "brand=DNSPod", "autoRenew=ON", "expiring=1", "status=REISSUING"]) {
      const filter = consoleCertificateFilter(parseCertificateListParams(new URLSearchParams(query)));
      expect(isUnfiltered(filter, TEST_NOW), query).toBe(false);
    }
  });
});

describe("countMatchingCertificates", () => {
  it("keeps the unfiltered total through inserts, bulk inserts, deletion, restoring, moving and hard deletes", async () => {
    const [owner, other] = [await createTestUser(), await createTestUser()];
    expect(await counts(owner.id)).toEqual({ kept: 0, counted: 0 });

    const first = await createTestCertificate(owner.id);
    const second = await createTestCertificate(owner.id);
    await db.certificate.createMany({
      data: Array.from({ length: 25 }, (_, index) =>
        issuedCertificateRow({
          ownerId: index % 5 === 0 ? other.id : owner.id,
          domain: `bulk${index}.count.test`,
          notBefore: TEST_NOW,
          expiresAt: new Date(TEST_NOW.getTime() + 365 * DAY),
        }),
      ),
    });
    expect(await counts(owner.id)).toEqual({ kept: 22, counted: 22 });
    expect(await counts(other.id)).toEqual({ kept: 5, counted: 5 });

    // Deleted in the console (soft), twice over, then restored.
    await db.certificate.update({ where: { id: first.id }, data: { deletedAt: TEST_NOW } });
    await db.certificate.update({ where: { id: first.id }, data: { deletedAt: new Date(TEST_NOW.getTime() + DAY) } });
    expect(await counts(owner.id)).toEqual({ kept: 21, counted: 21 });
    await db.certificate.update({ where: { id: first.id }, data: { deletedAt: null } });
    // An update that touches neither column leaves the count alone.
    await db.certificate.update({ where: { id: first.id }, data: { alias: "renamed" } });
    expect(await counts(owner.id)).toEqual({ kept: 22, counted: 22 });

    // Moved to another owner (the admin area can), and a bulk soft delete.
    await db.certificate.update({ where: { id: second.id }, data: { ownerId: other.id } });
    await db.certificate.updateMany({
      where: { ownerId: other.id, domain: { startsWith: "bulk" } },
      data: { deletedAt: TEST_NOW },
    });
    expect(await counts(owner.id)).toEqual({ kept: 21, counted: 21 });
    expect(await counts(other.id)).toEqual({ kept: 1, counted: 1 });

    // Hard deletes: a deleted row no longer counted is not taken off twice.
    await db.certificate.deleteMany({ where: { ownerId: other.id } });
    await db.certificate.deleteMany({ where: { ownerId: owner.id, domain: { startsWith: "bulk1" } } });
    expect(await counts(other.id)).toEqual({ kept: 0, counted: 0 });
    expect(await counts(owner.id)).toEqual({ kept: 12, counted: 12 });
  });

  it("counts a filtered list by its matches", async () => {
    const owner = await createTestUser();
    await createTestCertificate(owner.id, { brand: "TrustAsia" });
    await createTestCertificate(owner.id, { brand: "DNSPod" });
    const filter = { brand: "TrustAsia" };
    expect(
      await countMatchingCertificates(owner.id, [filter], certificateFilterWhere(owner.id, filter, TEST_NOW), TEST_NOW),
    ).toBe(1);
  });
});

import { createPrivateKey, X509Certificate } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { ensureCertificateAuthorities } from "@/lib/ca/ensure-certificate-authorities";
import { decryptSecret, SecretDecryptionError } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db/client";
import { TEST_NOW } from "@/testing/factories";

const encryptionKey = Buffer.alloc(32, 9);
const otherKey = Buffer.alloc(32, 10);

beforeEach(async () => {
  await db.certificateAuthority.deleteMany();
});

async function allRows() {
  return db.certificateAuthority.findMany({ orderBy: { key: "asc" }, omit: { privateKeyEncrypted: false } });
}

describe("ensureCertificateAuthorities", () => {
  it("creates the root and each brand's intermediate once, however often and however concurrently it runs", async () => {
    const calls = await Promise.all([
      ensureCertificateAuthorities({ brands: ["DNSPod", "TrustAsia"], now: TEST_NOW, encryptionKey }),
      ensureCertificateAuthorities({ brands: ["TrustAsia", "WoTrus"], now: TEST_NOW, encryptionKey }),
      ensureCertificateAuthorities({ brands: ["DNSPod"], now: TEST_NOW, encryptionKey }),
      ensureCertificateAuthorities({ brands: [], now: TEST_NOW, encryptionKey }),
    ]);
    const again = await ensureCertificateAuthorities({ brands: ["DNSPod", " WoTrus "], now: TEST_NOW, encryptionKey });

    const rows = await allRows();
    expect(rows.map((row) => [row.key, row.kind, row.brand])).toEqual([
      ["intermediate:DNSPod", "INTERMEDIATE", "DNSPod"],
      ["intermediate:TrustAsia", "INTERMEDIATE", "TrustAsia"],
      ["intermediate:WoTrus", "INTERMEDIATE", "WoTrus"],
      ["root", "ROOT", null],
    ]);
    const rootId = rows.find((row) => row.key === "root")?.id;
    for (const result of [...calls, again]) expect(result.root.id).toBe(rootId);
    expect(calls[0]?.intermediates.get("TrustAsia")?.id).toBe(calls[1]?.intermediates.get("TrustAsia")?.id);
    expect(again.intermediates.get("WoTrus")?.id).toBe(calls[1]?.intermediates.get("WoTrus")?.id);
    expect([...again.intermediates.keys()]).toEqual(["DNSPod", "WoTrus"]);
  });

  it("never regenerates the root: later brands are signed by the same one", async () => {
    const first = await ensureCertificateAuthorities({ brands: ["DNSPod"], now: TEST_NOW, encryptionKey });
    const later = new Date("2031-03-01T00:00:00Z");
    const second = await ensureCertificateAuthorities({ brands: ["DNSPod", "Sectigo"], now: later, encryptionKey });

    expect(second.root).toEqual(first.root);
    expect(second.intermediates.get("DNSPod")).toEqual(first.intermediates.get("DNSPod"));
    const sectigo = second.intermediates.get("Sectigo");
    expect(sectigo?.notBefore).toEqual(later);
    const root = new X509Certificate(first.root.certificatePem);
    expect(new X509Certificate(sectigo?.certificatePem as string).verify(root.publicKey)).toBe(true);
    expect(await db.certificateAuthority.count({ where: { kind: "ROOT" } })).toBe(1);
  });

  it("stores certificates valid 20 (root) and 10 (intermediate) years from now, with their subjects", async () => {
    const { root, intermediates } = await ensureCertificateAuthorities({
      brands: ["DNSPod"],
      now: TEST_NOW,
      encryptionKey,
    });
    const intermediate = intermediates.get("DNSPod");
    expect(root).toMatchObject({
      subject: "CN=CertDesk Local Root CA, O=CertDesk",
      notBefore: TEST_NOW,
      notAfter: new Date("2046-06-15T08:00:00Z"),
    });
    expect(intermediate).toMatchObject({
      subject: "CN=CertDesk DNSPod DV CA, O=CertDesk",
      notBefore: TEST_NOW,
      notAfter: new Date("2036-06-15T08:00:00Z"),
    });
    const rootCert = new X509Certificate(root.certificatePem);
    expect(new X509Certificate(intermediate?.certificatePem as string).verify(rootCert.publicKey)).toBe(true);
  });

  it("stores private keys only sealed, openable with the key and the CA's own key string", async () => {
    await ensureCertificateAuthorities({ brands: ["DNSPod", "TrustAsia"], now: TEST_NOW, encryptionKey });
    const dump = await db.$queryRaw<
      { row: string }[]
    >`SELECT row_to_json(ca)::text AS row FROM "CertificateAuthority" ca`;
    expect(dump).toHaveLength(3);
    for (const { row } of dump) {
      expect(row).not.toContain("PRIVATE KEY");
      expect(row).not.toContain("MIG");
    }

    const rows = await allRows();
    for (const row of rows) {
      expect(row.privateKeyEncrypted).toMatch(/^v1\./);
      const pem = decryptSecret(row.privateKeyEncrypted, encryptionKey, row.key);
      expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
      expect(new X509Certificate(row.certificatePem).checkPrivateKey(createPrivateKey(pem))).toBe(true);
      expect(() => decryptSecret(row.privateKeyEncrypted, otherKey, row.key)).toThrow(SecretDecryptionError);
    }
    // An envelope moved to another CA's row does not open there.
    const [first, second] = rows;
    expect(() => decryptSecret(first?.privateKeyEncrypted as string, encryptionKey, second?.key)).toThrow(
      SecretDecryptionError,
    );
  });

  it("refuses to add an intermediate under a different encryption key instead of making a new root", async () => {
    await ensureCertificateAuthorities({ brands: ["DNSPod"], now: TEST_NOW, encryptionKey });
    const before = await allRows();
    await expect(
      ensureCertificateAuthorities({ brands: ["TrustAsia"], now: TEST_NOW, encryptionKey: otherKey }),
    ).rejects.toThrow(SecretDecryptionError);
    expect(await allRows()).toEqual(before);
  });
});

// Secrets at rest: after the demo data is loaded, a certificate is issued by the
// built-in CA, one is uploaded with its private key and a webhook secret is made, a
// dump of every row of every table holds no PEM private key, no password and not the
// encryption key. And a sealed key that was altered in any part does not open.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { actAs } from "@/testing/action-harness";

vi.mock("@/lib/clock", async () => {
  const { TEST_NOW } = await import("@/testing/factories");
  return { now: async () => TEST_NOW, systemNow: () => new Date(), isClockSimulated: async () => false };
});

const { NextRequest } = await import("next/server");
const { db } = await import("@/lib/db/client");
const { getConfig } = await import("@/lib/config");
const { decryptSecret, SecretDecryptionError } = await import("@/lib/crypto/secret-box");
const { seedDemoData } = await import("@/lib/seed/seed-demo-data");
const { demoAccounts } = await import("@/lib/seed/demo-accounts");
const factories = await import("@/testing/factories");
const { renewManually } = await import("@/lib/renewal/renew-manually");
const { uploadCertificate } = await import("@/lib/certificates/upload-certificate");
const { rotateWebhookSecret } = await import("@/lib/notifications/rotate-webhook-secret");
const { saveIssuer } = await import("@/lib/issuers/save-issuer");
const { sealIssuerSecret } = await import("@/lib/issuers/issuer-secrets");
const { generateAcmeAccountKey } = await import("@/lib/acme/generate-acme-account-key");
const { generateTestKeyPair, issueTestCertificate } = await import("@/testing/issue-test-certificate");
const downloadRoute = await import("@/app/api/certificates/[id]/download/route");

const now = factories.TEST_NOW;
const days = (count: number) => new Date(now.getTime() + count * 86_400_000);
let customerId = "";
let issuedCertificateId = "";
let uploadedCertificateId = "";
let uploadedKeyPem = "";
let webhookSecret = "";
const eabHmacKey = randomBytes(32).toString("base64url");
const otherPassword = `other-${randomBytes(6).toString("hex")}`;

beforeAll(async () => {
  await seedDemoData(now);
  customerId = (await db.user.findUniqueOrThrow({ where: { email: demoAccounts().customer.email } })).id;
  await factories.createTestUser({ password: otherPassword });
  await factories.fundAccount(customerId, 100_000);

  // Issued by the built-in CA (which makes its root and intermediate keys on first use).
  await db.hostedZone.create({ data: { ownerId: customerId, name: "secrets-at-rest.test" } });
  const expiring = await factories.createTestCertificate(customerId, {
    domain: "www.secrets-at-rest.test",
    expiresInDays: 12,
  });
  const renewal = await renewManually({
    ownerId: customerId,
    certificateId: expiring.id,
    actorId: customerId,
    ip: null,
    now,
  });
  expect(renewal.issued).toBe(true);
  issuedCertificateId = renewal.newCertificateId;

  // Uploaded with its private key, as a customer would.
  const root = issueTestCertificate({
    commonName: "Secrets Test Root",
    isCa: true,
    notBefore: days(-30),
    notAfter: days(400),
    keys: generateTestKeyPair("ec-p256"),
  });
  const leaf = issueTestCertificate({
    commonName: "upload.secrets-at-rest.test",
    sans: ["upload.secrets-at-rest.test"],
    notBefore: days(-1),
    notAfter: days(300),
    keys: generateTestKeyPair("rsa-2048"),
    issuer: root,
  });
  uploadedKeyPem = leaf.privateKeyPem;
  const uploaded = await uploadCertificate({
    ownerId: customerId,
    certificatePem: leaf.pem,
    chainPem: root.pem,
    privateKeyPem: leaf.privateKeyPem,
    actorId: customerId,
    ip: null,
    now,
  });
  if (!uploaded.ok) throw new Error(JSON.stringify(uploaded.errors));
  uploadedCertificateId = uploaded.certificateId;

  await db.notificationSettings.upsert({
    where: { ownerId: customerId },
    create: { ownerId: customerId, webhookUrl: "https://hooks.example.test/at-rest" },
    update: { webhookUrl: "https://hooks.example.test/at-rest" },
  });
  webhookSecret = (await rotateWebhookSecret({ ownerId: customerId, actorId: customerId, ip: null, now })).secret;

  // An ACME issuer with its EAB HMAC key, and the account key "Test connection" stores.
  const admin = await factories.createTestUser({ role: "ADMIN" });
  const issuer = await saveIssuer(
    admin,
    {
      name: "At-rest CA",
      directoryUrl: "https://acme.example.test/directory",
      eabKeyId: "kid-1",
      eabHmacKey,
      contactEmail: null,
      termsAccepted: true,
      caBundlePem: null,
    },
    { ip: null, now },
  );
  await db.issuer.update({
    where: { id: issuer.id },
    data: { accountKeyEncrypted: sealIssuerSecret(issuer.id, "accountKey", await generateAcmeAccountKey()) },
  });
}, 60_000);

/** Every row of every table in the public schema, as PostgreSQL prints it (bytea as hex). */
async function dumpDatabase(): Promise<string> {
  const tables = await db.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
  const parts: string[] = [];
  for (const { table_name: table } of tables) {
    const rows = await db.$queryRawUnsafe<{ row: string }[]>(`SELECT t::text AS row FROM "${table}" t`);
    parts.push(`-- ${table}`, ...rows.map((row) => row.row));
  }
  return parts.join("\n");
}

/** A string as it would appear in the dump in clear, in bytea hex, or base64-encoded. */
function spellings(secret: string): string[] {
  const bytes = Buffer.from(secret, "utf8");
  return [secret, bytes.toString("hex"), bytes.toString("base64")];
}

describe("a database dump", () => {
  it("holds the sealed keys, but no PEM private key, no password and not the encryption key", async () => {
    const dump = await dumpDatabase();
    // The dump is real: the issued and uploaded certificates and the CA are in it, sealed.
    expect(dump).toContain(issuedCertificateId);
    expect(dump).toContain(uploadedCertificateId);
    expect(dump).toContain("BEGIN CERTIFICATE");
    expect(await db.certificateAuthority.count()).toBeGreaterThanOrEqual(2);
    expect((dump.match(/v1\.[\w-]+\.[\w-]+\.[\w-]+/g) ?? []).length).toBeGreaterThanOrEqual(6);

    expect(dump).not.toMatch(/PRIVATE KEY/);
    expect(dump.toLowerCase()).not.toContain(Buffer.from("PRIVATE KEY").toString("hex"));
    // The body of the uploaded key, line by line, in case it were stored without its armour.
    for (const line of uploadedKeyPem.split("\n").filter((text) => text.length >= 40 && !text.startsWith("-----"))) {
      expect(dump).not.toContain(line);
    }
    const { customer, admin } = demoAccounts();
    const encryptionKey = Buffer.from(getConfig().encryptionKey);
    const secrets = [
      customer.password,
      admin.password,
      otherPassword,
      webhookSecret,
      eabHmacKey,
      encryptionKey.toString("base64"),
      encryptionKey.toString("base64url"),
      encryptionKey.toString("hex"),
      process.env.AUTH_SECRET ?? "",
      process.env.CRON_SECRET ?? "",
    ];
    for (const secret of secrets) {
      expect(secret.length).toBeGreaterThan(8);
      for (const spelling of spellings(secret)) expect(dump).not.toContain(spelling);
    }
    // Passwords are stored as Argon2id hashes.
    const hashes = await db.$queryRaw<{ passwordHash: string }[]>`SELECT "passwordHash" FROM "User"`;
    expect(hashes.length).toBeGreaterThanOrEqual(3);
    for (const { passwordHash } of hashes) expect(passwordHash).toMatch(/^\$argon2id\$/);
  });
});

describe("a sealed private key", () => {
  const key = () => getConfig().encryptionKey;

  function alter(envelope: string, part: 1 | 2 | 3): string {
    const parts = envelope.split(".");
    const bytes = Buffer.from(parts[part] ?? "", "base64url");
    const index = Math.floor(bytes.length / 2);
    bytes[index] = (bytes[index] ?? 0) ^ 0x01;
    parts[part] = bytes.toString("base64url");
    return parts.join(".");
  }

  it("opens with the key and its certificate's id, and is a PKCS#8 key", async () => {
    for (const id of [issuedCertificateId, uploadedCertificateId]) {
      const { privateKeyEncrypted } = await db.certificate.findUniqueOrThrow({
        where: { id },
        select: { privateKeyEncrypted: true },
      });
      expect(decryptSecret(privateKeyEncrypted ?? "", key(), id)).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    }
  });

  it.each([
    ["the IV", 1],
    ["the tag", 2],
    ["the ciphertext", 3],
  ] as const)("does not open when one bit of %s is flipped", async (_name, part) => {
    const { privateKeyEncrypted } = await db.certificate.findUniqueOrThrow({
      where: { id: issuedCertificateId },
      select: { privateKeyEncrypted: true },
    });
    const altered = alter(privateKeyEncrypted ?? "", part);
    expect(altered).not.toBe(privateKeyEncrypted);
    let failure: unknown;
    try {
      decryptSecret(altered, key(), issuedCertificateId);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(SecretDecryptionError);
    expect(failure).toMatchObject({ reason: "AUTHENTICATION_FAILED" });
    expect(String((failure as Error).message)).toMatch(/altered/);
    expect(String((failure as Error).message)).not.toContain(altered.split(".")[3]?.slice(0, 16));
  });

  it("does not open on another row, nor with another key", async () => {
    const { privateKeyEncrypted } = await db.certificate.findUniqueOrThrow({
      where: { id: issuedCertificateId },
      select: { privateKeyEncrypted: true },
    });
    expect(() => decryptSecret(privateKeyEncrypted ?? "", key(), uploadedCertificateId)).toThrow(SecretDecryptionError);
    expect(() => decryptSecret(privateKeyEncrypted ?? "", randomBytes(32), issuedCertificateId)).toThrow(
      SecretDecryptionError,
    );
  });

  it("altered in the database, is never served: the download fails without showing the envelope", async () => {
    const { privateKeyEncrypted } = await db.certificate.findUniqueOrThrow({
      where: { id: issuedCertificateId },
      select: { privateKeyEncrypted: true },
    });
    const altered = alter(privateKeyEncrypted ?? "", 3);
    await db.certificate.update({ where: { id: issuedCertificateId }, data: { privateKeyEncrypted: altered } });
    try {
      actAs({ id: customerId });
      const response = await downloadRoute.GET(
        new NextRequest(`http://localhost/api/certificates/${issuedCertificateId}/download?type=nginx`),
        { params: Promise.resolve({ id: issuedCertificateId }) },
      );
      const body = await response.text();
      expect(response.status).toBe(500);
      expect(response.headers.get("content-type")).toContain("application/json");
      expect(body).not.toContain(altered.slice(0, 30));
      expect(body).not.toMatch(/PRIVATE KEY|decrypt/i);
      expect(
        await db.auditLog.count({ where: { action: "certificate.download", targetId: issuedCertificateId } }),
      ).toBe(0);
    } finally {
      await db.certificate.update({ where: { id: issuedCertificateId }, data: { privateKeyEncrypted } });
    }
  });
});

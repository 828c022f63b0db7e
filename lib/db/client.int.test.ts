import { describe, expect, it } from "vitest";
import { db, OMITTED_SECRETS } from "@/lib/db/client";
import { createTestCertificate, createTestUser } from "@/testing/factories";

const SECRET = "v1.sealed-secret-for-the-omit-test";

async function seedSecrets() {
  const user = await createTestUser();
  const certificate = await createTestCertificate(user.id, { privateKeyEncrypted: SECRET });
  await db.notificationSettings.create({
    data: { ownerId: user.id, webhookUrl: "https://hooks.example.test/in", webhookSecretEncrypted: SECRET },
  });
  const authority = await db.certificateAuthority.create({
    data: {
      key: `omit-test:${certificate.id}`,
      kind: "ROOT",
      subject: "CN=Omit test",
      certificatePem: "-----BEGIN CERTIFICATE-----",
      privateKeyEncrypted: SECRET,
      notBefore: new Date("2026-01-01T00:00:00Z"),
      notAfter: new Date("2036-01-01T00:00:00Z"),
    },
  });
  return { user, certificate, authority };
}

describe("the database client", () => {
  it("leaves password hashes, private keys and webhook secrets out of a query that does not ask for them", async () => {
    const { user, certificate, authority } = await seedSecrets();

    const rows = [
      await db.user.findUniqueOrThrow({ where: { id: user.id } }),
      await db.certificate.findUniqueOrThrow({ where: { id: certificate.id } }),
      ...(await db.certificate.findMany({ where: { ownerId: user.id } })),
      await db.notificationSettings.findUniqueOrThrow({ where: { ownerId: user.id } }),
      await db.certificateAuthority.findUniqueOrThrow({ where: { id: authority.id } }),
      // Relations loaded through include are omitted too.
      await db.user.findUniqueOrThrow({
        where: { id: user.id },
        include: { certificates: true, notificationSettings: true },
      }),
      // And so are the rows a write returns.
      await db.certificate.update({ where: { id: certificate.id }, data: { alias: "omit" } }),
    ];
    const dump = JSON.stringify(rows);
    expect(dump).toContain(certificate.id);
    expect(dump).not.toContain(SECRET);
    for (const secret of ["passwordHash", "privateKeyEncrypted", "webhookSecretEncrypted"]) {
      expect(dump).not.toContain(secret);
    }
  });

  it("returns them to a query that names them", async () => {
    const { user, certificate, authority } = await seedSecrets();
    expect(
      await db.certificate.findUniqueOrThrow({ where: { id: certificate.id }, omit: { privateKeyEncrypted: false } }),
    ).toMatchObject({ privateKeyEncrypted: SECRET });
    expect(
      await db.notificationSettings.findUniqueOrThrow({
        where: { ownerId: user.id },
        select: { webhookSecretEncrypted: true },
      }),
    ).toEqual({ webhookSecretEncrypted: SECRET });
    expect(
      await db.certificateAuthority.findUniqueOrThrow({
        where: { id: authority.id },
        omit: { privateKeyEncrypted: false },
      }),
    ).toMatchObject({ privateKeyEncrypted: SECRET });
  });

  it("omits every encrypted or hashed column the schema has", async () => {
    const columns = await db.$queryRaw<{ table_name: string; column_name: string }[]>`
      SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = 'public' AND (column_name ILIKE '%encrypted%' OR column_name ILIKE '%hash%')
       ORDER BY table_name, column_name`;
    const omitted = Object.entries(OMITTED_SECRETS).flatMap(([model, fields]) =>
      Object.keys(fields).map((field) => `${model.toLowerCase()}.${field}`),
    );
    expect(columns.map((column) => `${column.table_name.toLowerCase()}.${column.column_name}`).sort()).toEqual(
      omitted.sort(),
    );
  });
});

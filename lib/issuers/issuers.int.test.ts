// The admin's ACME issuers against a real Pebble (EAB required): the account CertDesk
// registers and keeps sealed, what "Test connection" says when the directory, the EAB key
// or the terms are wrong, secrets never in the view or the audit log, admin only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { assignProductIssuer } from "@/lib/issuers/assign-product-issuer";
import { deleteIssuer } from "@/lib/issuers/delete-issuer";
import { type IssuerInput, issuerInputSchema } from "@/lib/issuers/issuer-input";
import { listIssuers } from "@/lib/issuers/list-issuers";
import { saveIssuer } from "@/lib/issuers/save-issuer";
import { testIssuerConnection } from "@/lib/issuers/test-issuer-connection";
import { createTestUser, seedTestPrices, TEST_NOW } from "@/testing/factories";
import { findFreePort } from "@/testing/servers/free-port";
import { type PebbleServer, startPebble } from "@/testing/servers/start-pebble";
import { type PowerDnsServer, startPowerDns } from "@/testing/servers/start-powerdns";

let pdns: PowerDnsServer;
let pebble: PebbleServer;
type User = Awaited<ReturnType<typeof createTestUser>>;
let admin: User;
let customer: User;
const context = { ip: "192.0.2.1", now: TEST_NOW };

beforeAll(async () => {
  pdns = await startPowerDns();
  pebble = await startPebble({ dnsServer: pdns.dnsAddress });
  admin = await createTestUser({ role: "ADMIN" });
  customer = await createTestUser();
  await seedTestPrices();
}, 60_000);
afterAll(async () => {
  await Promise.allSettled([pebble?.close(), pdns?.stop()]);
});

let counter = 0;
function input(overrides: Partial<Record<keyof IssuerInput, unknown>> = {}): IssuerInput {
  counter += 1;
  return issuerInputSchema.parse({
    name: `Pebble ${counter}`,
    directoryUrl: pebble.directoryUrl,
    eabKeyId: pebble.eab.keyId,
    eabHmacKey: pebble.eab.hmacKey,
    contactEmail: "certs@example.test",
    termsAccepted: true,
    caBundlePem: pebble.listenerCertificatePem,
    ...overrides,
  });
}

async function appError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("ACME issuers", () => {
  it("registers CertDesk's account with EAB, keeps its key sealed, and finds the same account next time", async () => {
    const issuer = await saveIssuer(admin, input(), context);
    expect(issuer).toMatchObject({ hasEabHmacKey: true, accountUrl: null, lastTest: null });
    expect(JSON.stringify(issuer)).not.toContain(pebble.eab.hmacKey);

    const first = await testIssuerConnection(admin, { issuerId: issuer.id }, context);
    expect(first).toMatchObject({
      ok: true,
      accountCreated: true,
      accountUrl: expect.stringMatching(/^https:\/\/127\.0\.0\.1/),
    });
    const stored = await db.issuer.findUniqueOrThrow({
      where: { id: issuer.id },
      omit: { eabHmacKeyEncrypted: false, accountKeyEncrypted: false },
    });
    expect(stored.accountKeyEncrypted).toBeTruthy();
    expect(stored.accountKeyEncrypted).not.toContain("PRIVATE KEY");
    expect(stored.eabHmacKeyEncrypted).not.toContain(pebble.eab.hmacKey);

    const again = await testIssuerConnection(admin, { issuerId: issuer.id }, context);
    expect(again).toMatchObject({ ok: true, accountCreated: false, accountUrl: stored.accountUrl });

    const [view] = (await listIssuers(admin)).issuers.filter((row) => row.id === issuer.id);
    expect(view).toMatchObject({ accountUrl: stored.accountUrl, lastTest: { ok: true, reason: null } });
    const audit = await db.auditLog.findMany({ where: { targetId: issuer.id }, orderBy: { createdAt: "asc" } });
    expect(audit.map((entry) => entry.action)).toEqual(["issuer.create", "issuer.test", "issuer.test"]);
    expect(JSON.stringify(audit)).not.toContain(pebble.eab.hmacKey);
  });

  it("says the EAB key was refused, and stores no account", async () => {
    const wrongKey = Buffer.alloc(32, 7).toString("base64url");
    const issuer = await saveIssuer(admin, input({ eabHmacKey: wrongKey }), context);
    const result = await testIssuerConnection(admin, { issuerId: issuer.id }, context);
    expect(result).toMatchObject({ ok: false, step: "account", reason: "EAB_REFUSED" });
    expect((await db.issuer.findUniqueOrThrow({ where: { id: issuer.id } })).accountUrl).toBeNull();
  });

  it("says EAB is required when none is set, and that the terms were not accepted", async () => {
    const noEab = await saveIssuer(admin, input({ eabKeyId: "", eabHmacKey: "" }), context);
    expect(await testIssuerConnection(admin, { issuerId: noEab.id }, context)).toMatchObject({
      ok: false,
      step: "account",
      reason: "EAB_REQUIRED",
    });
    const noTerms = await saveIssuer(admin, input({ termsAccepted: false }), context);
    expect(await testIssuerConnection(admin, { issuerId: noTerms.id }, context)).toMatchObject({
      ok: false,
      step: "account",
      reason: "TERMS_NOT_ACCEPTED",
    });
  });

  it("says the directory is unreachable", async () => {
    const port = await findFreePort();
    const issuer = await saveIssuer(admin, input({ directoryUrl: `https://127.0.0.1:${port}/dir` }), context);
    const result = await testIssuerConnection(admin, { issuerId: issuer.id }, context);
    expect(result).toMatchObject({ ok: false, step: "directory", reason: "CA_UNREACHABLE" });
    const [view] = (await listIssuers(admin)).issuers.filter((row) => row.id === issuer.id);
    expect(view?.lastTest).toMatchObject({ ok: false, step: "directory", reason: "CA_UNREACHABLE" });
  });

  it("keeps the stored EAB key when the edit leaves it blank, and forgets the account when the CA changes", async () => {
    const issuer = await saveIssuer(admin, input(), context);
    await testIssuerConnection(admin, { issuerId: issuer.id }, context);
    const edited = await saveIssuer(
      admin,
      input({ issuerId: issuer.id, name: issuer.name, eabHmacKey: "", contactEmail: "other@example.test" }),
      context,
    );
    expect(edited).toMatchObject({
      hasEabHmacKey: true,
      contactEmail: "other@example.test",
      accountUrl: expect.any(String),
    });
    const moved = await saveIssuer(
      admin,
      input({ issuerId: issuer.id, name: issuer.name, eabHmacKey: "", directoryUrl: `${pebble.directoryUrl}?v=2` }),
      context,
    );
    expect(moved.accountUrl).toBeNull();
  });

  it("assigns an issuer to a product, refuses to delete it while used, and leaves all of it to admins", async () => {
    const issuer = await saveIssuer(admin, input(), context);
    const price = await db.price.findFirstOrThrow({ where: { brand: "TrustAsia" } });
    await assignProductIssuer(admin, { priceId: price.id, issuerId: issuer.id }, context);
    expect((await db.price.findUniqueOrThrow({ where: { id: price.id } })).issuerId).toBe(issuer.id);
    expect((await appError(deleteIssuer(admin, { issuerId: issuer.id }, context))).code).toBe("ISSUER_IN_USE");

    await assignProductIssuer(admin, { priceId: price.id, issuerId: null }, context);
    expect(await deleteIssuer(admin, { issuerId: issuer.id }, context)).toEqual({ deleted: true });

    const taken = await saveIssuer(admin, input(), context);
    expect((await appError(saveIssuer(admin, input({ name: taken.name }), context))).code).toBe("ISSUER_NAME_TAKEN");

    for (const caller of [customer, null]) {
      const expected = caller ? "FORBIDDEN" : "UNAUTHENTICATED";
      expect((await appError(listIssuers(caller))).code).toBe(expected);
      expect((await appError(saveIssuer(caller, input(), context))).code).toBe(expected);
      expect((await appError(testIssuerConnection(caller, { issuerId: taken.id }, context))).code).toBe(expected);
      expect((await appError(deleteIssuer(caller, { issuerId: taken.id }, context))).code).toBe(expected);
      expect(
        (await appError(assignProductIssuer(caller, { priceId: price.id, issuerId: taken.id }, context))).code,
      ).toBe(expected);
    }
  });
});

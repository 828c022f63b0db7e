// Reissue on PostgreSQL, from the request to issuance, revocation of the old certificate and
// timeout, through the same functions the console and the job call.
import { randomUUID, X509Certificate } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import { LocalDnsServer } from "@/testing/local-dns-server";

// The "Update to cloud resources" prompt is for the simulated resources of DEMO_MODE.
vi.mock("@/lib/resources/simulated-resources-available", () => ({ simulatedResourcesAvailable: () => true }));

const dns = new LocalDnsServer();
process.env.DNS_RESOLVER = await dns.start();

const { db } = await import("@/lib/db/client");
const { reissueCertificate } = await import("@/lib/certificates/reissue-certificate");
const { validatePendingCertificates } = await import("@/lib/renewal-job/validate-pending-certificates");
const { issueValidatedCertificates } = await import("@/lib/renewal-job/issue-validated-certificates");
const { timeOutPendingValidations } = await import("@/lib/renewal-job/time-out-pending-validations");
const { deductDueRenewals } = await import("@/lib/renewal-job/deduct-due-renewals");
const { createJobRun } = await import("@/lib/renewal-job/create-job-run");
const { renewManually } = await import("@/lib/renewal/renew-manually");
const { createTestCertificate, createTestUser, fundAccount, seedTestPrices, TEST_NOW } = await import(
  "@/testing/factories"
);
const { createTestCsr } = await import("@/testing/create-test-csr");
const { listCertificates } = await import("@/lib/certificates/list-certificates");
const { parseCertificateListParams } = await import("@/lib/certificates/certificate-list-params");
const { TC3_ACTIONS } = await import("@/lib/tencent-api/tc3-actions");
const { getCertificateDeployment } = await import("@/lib/resources/get-certificate-deployment");
const { createTestCloudResources } = await import("@/testing/factories");
const { setAutoUpdateResources } = await import("@/lib/resources/set-auto-update-resources");
type Request = import("@/lib/certificates/reissue-certificate-input").ReissueCertificateInput;

const DAY = 86_400_000;
afterAll(() => dns.close());

const suffix = () => randomUUID().slice(0, 8);

function request(certificateId: string, overrides: Partial<Request> = {}): Request {
  return {
    certificateId,
    validationMethod: "DNS",
    key: { source: "GENERATE", algorithm: "ECDSA_P256" },
    ...overrides,
  };
}

const reissue = (ownerId: string, input: Request, now = TEST_NOW) =>
  reissueCertificate({ ownerId, actorId: ownerId, ip: "198.51.100.7", now, request: input });

function requested(outcome: Awaited<ReturnType<typeof reissue>>) {
  if (outcome.status !== "requested") throw new Error(`expected a request, got ${JSON.stringify(outcome.problems)}`);
  return outcome;
}

/** An issued certificate of the owner's for a third-party domain and its www name. */
async function issuedCertificate(ownerId: string, overrides: Parameters<typeof createTestCertificate>[1] = {}) {
  const domain = `reissue-${suffix()}.test`;
  return createTestCertificate(ownerId, { domain, sans: [`www.${domain}`], ...overrides });
}

describe("reissueCertificate", () => {
  it("with a generated key: validated, issued with the same expiry; the old one revoked as superseded, auto-renewal moved, nothing charged", async () => {
    await seedTestPrices();
    const owner = await createTestUser();
    await fundAccount(owner.id, 50_000);
    // Due for its renewal fee (20 days left) while the reissue is pending.
    const old = await issuedCertificate(owner.id, { autoRenewState: "ON", expiresInDays: 20 });
    const ledgerBefore = await db.ledgerEntry.count({ where: { account: { ownerId: owner.id } } });

    const result = requested(
      await reissue(owner.id, request(old.id, { key: { source: "GENERATE", algorithm: "RSA_3072" } })),
    );
    expect(result.issued).toBe(false);
    const pending = await db.certificate.findUniqueOrThrow({
      where: { id: result.certificateId },
      omit: { privateKeyEncrypted: false },
    });
    expect(pending).toMatchObject({
      reissuesId: old.id,
      status: "PENDING_VALIDATION",
      domain: old.domain,
      sans: old.sans,
      source: "PURCHASED",
      validationMethod: "DNS",
      validationRecordName: `_dnsauth.${old.domain}`,
      validationDeadline: new Date(TEST_NOW.getTime() + 7 * DAY),
      keyAlgorithm: "RSA_3072",
      autoRenewState: "OFF",
      expiresAt: null,
    });
    expect(pending.privateKeyEncrypted).toMatch(/^v1\./);
    expect(await db.auditLog.count({ where: { action: "certificate.reissue.request", targetId: old.id } })).toBe(1);

    // The old certificate stays issued and renewing... but the job does not renew what is being replaced.
    const run = await createJobRun({ trigger: "cron", triggeredById: null });
    await deductDueRenewals({ now: TEST_NOW, jobRunId: run.id });
    expect(await db.renewalOrder.count({ where: { certificateId: old.id } })).toBe(0);
    await expect(
      renewManually({ ownerId: owner.id, certificateId: old.id, actorId: owner.id, ip: null, now: TEST_NOW }),
    ).rejects.toMatchObject({ code: "CERTIFICATE_REISSUE_UNDER_WAY" });
    expect(await db.certificate.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({
      status: "ISSUED",
      autoRenewState: "ON",
    });

    const later = new Date(TEST_NOW.getTime() + 2 * DAY);
    dns.addRecord({ name: `_dnsauth.${old.domain}`, type: "TXT", value: pending.validationRecordValue ?? "" });
    expect(await validatePendingCertificates({ now: later })).toMatchObject({ validated: 1 });
    expect(await issueValidatedCertificates({ now: later })).toMatchObject({ issued: 1, errors: [] });

    const issued = await db.certificate.findUniqueOrThrow({ where: { id: pending.id } });
    expect(issued).toMatchObject({ status: "ISSUED", issuedAt: later, expiresAt: old.expiresAt, autoRenewState: "ON" });
    const leaf = new X509Certificate(issued.certificatePem ?? "");
    expect(new Date(leaf.validTo).getTime()).toBe(Math.floor((old.expiresAt?.getTime() ?? 0) / 1000) * 1000);
    expect(leaf.subjectAltName).toBe(`DNS:${old.domain}, DNS:www.${old.domain}`);
    expect(leaf.publicKey.asymmetricKeyDetails?.modulusLength).toBe(3072);

    expect(await db.certificate.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({
      status: "REVOKED",
      revocationReason: "SUPERSEDED",
      revokedAt: later,
      autoRenewState: "OFF",
    });
    expect(await db.auditLog.count({ where: { action: "certificate.revoke", targetId: old.id, actorId: null } })).toBe(
      1,
    );
    expect(await db.auditLog.count({ where: { action: "certificate.reissue", targetId: issued.id } })).toBe(1);
    // No charge: not one ledger entry more, the balance as it was.
    expect(await db.ledgerEntry.count({ where: { account: { ownerId: owner.id } } })).toBe(ledgerBefore);
    expect((await db.billingAccount.findUniqueOrThrow({ where: { ownerId: owner.id } })).balanceMinor).toBe(50_000);

    // The job now renews the reissued certificate, never the old one.
    const next = await createJobRun({ trigger: "cron", triggeredById: null });
    await deductDueRenewals({ now: later, jobRunId: next.id });
    expect(await db.renewalOrder.count({ where: { certificateId: old.id } })).toBe(0);
    expect(await db.renewalOrder.count({ where: { certificateId: issued.id } })).toBe(1);
  });

  it("a hosted domain is validated and issued at once; auto-renewal stays off when it was off", async () => {
    const owner = await createTestUser();
    const zone = `hosted-${suffix()}.test`;
    await db.hostedZone.create({ data: { ownerId: owner.id, name: zone } });
    const old = await createTestCertificate(owner.id, { domain: `*.${zone}`, sans: [zone], domainType: "WILDCARD" });
    const result = requested(await reissue(owner.id, request(old.id)));
    expect(result.issued).toBe(true);
    expect(await db.certificate.findUniqueOrThrow({ where: { id: result.certificateId } })).toMatchObject({
      status: "ISSUED",
      validationMethod: "DNS_AUTO",
      expiresAt: old.expiresAt,
      autoRenewState: "OFF",
    });
    expect(await db.certificate.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({
      status: "REVOKED",
      revocationReason: "SUPERSEDED",
    });
  });

  it("with a CSR: refuses one for other names, storing nothing; the certificate then carries the CSR's key", async () => {
    const owner = await createTestUser();
    const old = await issuedCertificate(owner.id);
    const foreign = createTestCsr({ key: "ec-p256", commonName: `other-${suffix()}.test` });
    const refused = await reissue(owner.id, request(old.id, { key: { source: "CSR", csrPem: foreign.csrPem } }));
    expect(refused).toMatchObject({ status: "rejected", problems: [{ field: "csr", code: "CSR_NAMES_MISMATCH" }] });
    expect(await db.certificate.count({ where: { reissuesId: old.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "certificate.reissue.request", targetId: old.id } })).toBe(0);

    const wildcardFile = await reissue(owner.id, request(old.id, { key: { source: "CSR", csrPem: "nonsense" } }));
    expect(wildcardFile).toMatchObject({ status: "rejected", problems: [{ field: "csr" }] });

    const own = createTestCsr({ key: "ec-p384", commonName: old.domain, sans: [old.domain, `www.${old.domain}`] });
    const result = requested(await reissue(owner.id, request(old.id, { key: { source: "CSR", csrPem: own.csrPem } })));
    expect(
      await db.certificate.findUniqueOrThrow({
        where: { id: result.certificateId },
        omit: { privateKeyEncrypted: false },
      }),
    ).toMatchObject({
      keyAlgorithm: "ECDSA_P384",
      privateKeyEncrypted: null,
      csrPem: expect.stringContaining("CERTIFICATE REQUEST"),
    });
  });

  it("allows one reissue in flight: concurrent requests give one, and the database refuses a second pending row", async () => {
    const owner = await createTestUser();
    const old = await issuedCertificate(owner.id);
    const outcomes = await Promise.allSettled([
      reissue(owner.id, request(old.id)),
      reissue(owner.id, request(old.id)),
      reissue(owner.id, request(old.id)),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === "rejected")
        expect(outcome.reason).toMatchObject({ code: "CERTIFICATE_REISSUE_UNDER_WAY" });
    }
    expect(await db.certificate.count({ where: { reissuesId: old.id } })).toBe(1);

    // The constraint, not a read: a second pending reissue written behind the code's back fails.
    await expect(
      db.certificate.create({
        data: {
          ownerId: owner.id,
          reissuesId: old.id,
          brand: old.brand,
          certificateType: old.certificateType,
          domainType: old.domainType,
          domain: old.domain,
          source: old.source,
          status: "DNS_RECORD_ADDED",
        },
      }),
    ).rejects.toMatchObject({ code: "P2002" });
    // And the request itself says so once one is in flight.
    await expect(reissue(owner.id, request(old.id))).rejects.toMatchObject({ code: "CERTIFICATE_REISSUE_UNDER_WAY" });
  });

  it("once issued, the cloud resources of the revoked certificate: the customer is asked to update them, or they move by themselves", async () => {
    const owner = await createTestUser();
    const zone = `resources-${suffix()}.test`;
    await db.hostedZone.create({ data: { ownerId: owner.id, name: zone } });
    const asked = await createTestCertificate(owner.id, { domain: `*.${zone}`, sans: [zone], domainType: "WILDCARD" });
    const automatic = await createTestCertificate(owner.id, {
      domain: `*.${zone}`,
      sans: [zone],
      domainType: "WILDCARD",
      autoUpdateResources: true,
    });
    await createTestCloudResources(owner.id, asked.id, 2);
    await createTestCloudResources(owner.id, automatic.id, 1);

    // Off: nothing moves; the row, the page and the notice ask for the update.
    const first = requested(await reissue(owner.id, request(asked.id)));
    expect(first.issued).toBe(true);
    expect(await db.cloudResource.count({ where: { certificateId: asked.id } })).toBe(2);
    const page = await listCertificates(owner.id, parseCertificateListParams(new URLSearchParams()), TEST_NOW);
    const rows = new Map(page.items.map((row) => [row.id, row]));
    expect(rows.get(first.certificateId)).toMatchObject({ resourceUpdateFromId: asked.id, resourceCount: 0 });
    expect(rows.get(asked.id)).toMatchObject({ status: "REVOKED", resourceUpdateFromId: null, resourceCount: 2 });
    expect(await getCertificateDeployment(owner.id, first.certificateId, TEST_NOW)).toMatchObject({
      predecessor: { id: asked.id, resourceCount: 2, kind: "REISSUE" },
      updatePrompt: true,
    });
    // Another customer sees neither the reissue nor its predecessor.
    const other = await createTestUser();
    expect(await getCertificateDeployment(other.id, first.certificateId, TEST_NOW)).toBeNull();
    const askedNotice = await db.notification.findFirstOrThrow({
      where: { certificateId: first.certificateId, kind: "CERTIFICATE_ISSUED" },
    });
    expect(askedNotice).toMatchObject({
      ownerId: owner.id,
      emailStatus: "PENDING",
      params: { replacedCertificateId: asked.id, autoUpdateResources: false, resourcesUpdated: 0 },
    });

    // On (copied from the replaced certificate): moved at issuance, with their history; no prompt left.
    const second = requested(await reissue(owner.id, request(automatic.id)));
    expect(second.issued).toBe(true);
    expect(await db.cloudResource.count({ where: { certificateId: second.certificateId } })).toBe(1);
    expect(
      await db.deployment.count({
        where: { fromCertificateId: automatic.id, toCertificateId: second.certificateId, actorId: null },
      }),
    ).toBe(1);
    expect(await getCertificateDeployment(owner.id, second.certificateId, TEST_NOW)).toMatchObject({
      predecessor: { id: automatic.id, resourceCount: 0, kind: "REISSUE" },
      updatePrompt: false,
    });
    expect(
      await db.notification.findFirstOrThrow({
        where: { certificateId: second.certificateId, kind: "CERTIFICATE_ISSUED" },
      }),
    ).toMatchObject({
      params: { replacedCertificateId: automatic.id, autoUpdateResources: true, resourcesUpdated: 1 },
    });
  });

  it("a reissue not validated within 7 days times out and leaves the old certificate issued and renewing", async () => {
    const owner = await createTestUser();
    const old = await issuedCertificate(owner.id, { autoRenewState: "ON" });
    const result = requested(await reissue(owner.id, request(old.id)));
    // The automatic update switched on the old certificate meanwhile: the pending reissue follows.
    await setAutoUpdateResources(owner.id, old.id, true, { actorId: owner.id, now: TEST_NOW });
    expect(await db.certificate.findUniqueOrThrow({ where: { id: result.certificateId } })).toMatchObject({
      autoUpdateResources: true,
    });
    // Meanwhile it shows (and filters) as reissuing, derived: its stored status stays ISSUED.
    const reissuing = await listCertificates(
      owner.id,
      parseCertificateListParams(new URLSearchParams({ status: "REISSUING" })),
      TEST_NOW,
    );
    expect(reissuing.items).toMatchObject([{ id: old.id, status: "ISSUED", reissuingId: result.certificateId }]);
    const deadline = new Date(TEST_NOW.getTime() + 7 * DAY);
    const timedOut = await timeOutPendingValidations({ now: deadline });
    expect(timedOut.errors).toEqual([]);
    expect(await db.certificate.findUniqueOrThrow({ where: { id: result.certificateId } })).toMatchObject({
      status: "VALIDATION_FAILED",
    });
    expect(await db.certificate.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({
      status: "ISSUED",
      autoRenewState: "ON",
      revokedAt: null,
    });
    expect(
      await db.auditLog.count({ where: { action: "certificate.reissue.timeout", targetId: result.certificateId } }),
    ).toBe(1);
    // The customer is told (in the console, by e-mail as their settings say), once however many runs.
    await timeOutPendingValidations({ now: new Date(deadline.getTime() + DAY) });
    expect(
      await db.notification.findMany({ where: { certificateId: result.certificateId, kind: "REISSUE_TIMED_OUT" } }),
    ).toMatchObject([{ ownerId: owner.id, emailStatus: "PENDING", params: { replacedCertificateId: old.id } }]);
    // Late validation changes nothing, and a new reissue may start.
    expect(await issueValidatedCertificates({ now: deadline })).toMatchObject({ errors: [] });
    const page = await listCertificates(
      owner.id,
      parseCertificateListParams(new URLSearchParams({ status: "REISSUING" })),
      deadline,
    );
    expect(page.items).toEqual([]);
    requested(await reissue(owner.id, request(old.id), deadline));
  });

  it("answers not found for another customer's certificate, and refuses what cannot be reissued, each with its reason", async () => {
    const [owner, other] = [await createTestUser(), await createTestUser()];
    const mine = await issuedCertificate(owner.id);
    await expect(reissue(other.id, request(mine.id))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.certificate.count({ where: { reissuesId: mine.id } })).toBe(0);

    const cases: [Parameters<typeof createTestCertificate>[1], string][] = [
      [{ source: "UPLOADED" }, "CERTIFICATE_NOT_REISSUABLE_UPLOADED"],
      [{ status: "REVOKED" }, "CERTIFICATE_NOT_REISSUABLE_REVOKED"],
      [{ status: "PENDING_VALIDATION" }, "CERTIFICATE_NOT_REISSUABLE_NOT_ISSUED"],
      [{ expiresInDays: -1 }, "CERTIFICATE_NOT_REISSUABLE_EXPIRED"],
      [{ deletedAt: TEST_NOW }, "NOT_FOUND"],
    ];
    for (const [overrides, code] of cases) {
      const certificate = await issuedCertificate(owner.id, overrides);
      await expect(reissue(owner.id, request(certificate.id))).rejects.toMatchObject({ code });
      expect(await db.certificate.count({ where: { reissuesId: certificate.id } })).toBe(0);
    }

    const renewed = await issuedCertificate(owner.id, { expiresInDays: 20 });
    const renewal = await createTestCertificate(owner.id, { status: "PENDING_VALIDATION", renewsId: renewed.id });
    await db.renewalOrder.create({
      data: {
        ownerId: owner.id,
        certificateId: renewed.id,
        trigger: "MANUAL",
        status: "PENDING_VALIDATION",
        priceMinor: 2_900,
        currency: "USD",
        newCertificateId: renewal.id,
      },
    });
    await expect(reissue(owner.id, request(renewed.id))).rejects.toMatchObject({
      code: "CERTIFICATE_NOT_REISSUABLE_RENEWAL_PENDING",
    });
  });

  it("the API's ReplaceCertificate is the same reissue: a key generated as asked, never the original one", async () => {
    const owner = await createTestUser();
    const old = await issuedCertificate(owner.id);
    const action = TC3_ACTIONS.ReplaceCertificate;
    if (!action) throw new Error("ReplaceCertificate is not registered");
    const context = {
      ownerId: owner.id,
      apiKeyId: "key",
      signature: "signature",
      ip: "198.51.100.7",
      now: TEST_NOW,
      locale: "en" as const,
      t: (key: string) => key,
    };
    await expect(action.run({ CertificateId: old.id, CsrType: "original" }, context)).rejects.toMatchObject({
      code: "InvalidParameterValue",
    });
    const answer = await action.run(
      { CertificateId: old.id, CertCSREncryptAlgo: "ECC", CertCSRKeyParameter: "secp384r1" },
      context,
    );
    expect(await db.certificate.findUniqueOrThrow({ where: { id: String(answer.CertificateId) } })).toMatchObject({
      reissuesId: old.id,
      keyAlgorithm: "ECDSA_P384",
      status: "PENDING_VALIDATION",
    });
  });
});

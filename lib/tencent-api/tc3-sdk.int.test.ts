// The SSL API as the original's own Node.js SDK (tencentcloud-sdk-nodejs, its ssl client)
// speaks it, unchanged but for the endpoint: the app's real proxy.ts and route handler behind a
// socket on 127.0.0.1 (testing/servers/start-api-route-server.ts). Refusals the SDK cannot be
// made to send (an old timestamp, a body changed after signing) are signed by
// testing/sign-tc3-request.ts and sent with fetch.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import "@/testing/action-harness";
import { unzipSync } from "fflate";
import { ssl } from "tencentcloud-sdk-nodejs/tencentcloud/services/ssl";

// Domains are looked up at a DNS server the test owns (read when the config first loads).
const { LocalDnsServer } = await import("@/testing/local-dns-server");
const dns = new LocalDnsServer();
process.env.DNS_RESOLVER = await dns.start();

const { db } = await import("@/lib/db/client");
const { proxy } = await import("@/proxy");
const { GET, POST } = await import("@/app/api/tc3/route");
const { createApiKey } = await import("@/lib/api-keys/create-api-key");
const { createTestUser, seedTestCatalogue, issuedCertificateRow, fundAccount } = await import("@/testing/factories");
const { generateTestKeyPair, issueTestCertificate } = await import("@/testing/issue-test-certificate");
const { startApiRouteServer } = await import("@/testing/servers/start-api-route-server");
const { signTc3Request } = await import("@/testing/sign-tc3-request");
const { uploadRenewedCertificate } = await import("@/examples/upload-renewed-certificate");

type Server = Awaited<ReturnType<typeof startApiRouteServer>>;
type Key = { secretId: string; secretKey: string };
type SslClient = InstanceType<typeof ssl.v20191205.Client>;

const DAY = 86_400_000;
// The route reads the real clock: certificates are placed around it.
const today = Date.now();

let server: Server;
let customerA: { id: string };
let readWriteA: Key;
let readOnlyA: Key;
let keyB: Key;
let certificateA: string;
let tooLateA: string;

function clientFor(key: Key, language?: "zh-CN" | "en-US"): SslClient {
  return new ssl.v20191205.Client({
    credential: key,
    profile: {
      httpProfile: { endpoint: server.endpoint, protocol: "http://", reqTimeout: 30 },
      ...(language ? { language } : {}),
    },
  });
}

/** The code of the SDK's exception for a refused call (the call must be refused). */
async function refusalOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    return String((error as { code?: string }).code);
  }
  throw new Error("the call was answered, not refused");
}

async function insertCertificate(ownerId: string, expiresInDays: number): Promise<string> {
  const expiresAt = new Date(today + expiresInDays * DAY);
  const row = await db.certificate.create({
    data: {
      ...issuedCertificateRow({
        ownerId,
        domain: `api-${expiresInDays}-${Math.random().toString(36).slice(2, 8)}.example.test`,
        notBefore: new Date(expiresAt.getTime() - 365 * DAY),
        expiresAt,
      }),
      issuedAt: new Date(expiresAt.getTime() - 365 * DAY),
    },
  });
  return row.id;
}

beforeAll(async () => {
  // The SDK sends every request through http_proxy when it is set (notes §1.3).
  for (const name of ["http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY"]) delete process.env[name];
  server = await startApiRouteServer({ proxy, GET, POST });
  await seedTestCatalogue();
  customerA = await createTestUser();
  const customerB = await createTestUser();
  const key = (ownerId: string, scope: "READ_ONLY" | "READ_WRITE") =>
    createApiKey({ ownerId, actorId: ownerId, ip: null, name: scope, scope, expiresInDays: "never", now: new Date() });
  readWriteA = await key(customerA.id, "READ_WRITE");
  readOnlyA = await key(customerA.id, "READ_ONLY");
  keyB = await key(customerB.id, "READ_WRITE");
  certificateA = await insertCertificate(customerA.id, 90);
  tooLateA = await insertCertificate(customerA.id, 10);
});

// The tests share a key, and the API lets a key make 20 requests a second: on a fast machine
// one test's calls and the next one's fell into the same second and the later ones were
// refused with RequestLimitExceeded. Each test starts in a second of its own.
beforeEach(() => nextSecond());

/** Waits for the next second: the same call signed in the same second is a replay, refused. */
function nextSecond(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 5));
}

afterAll(async () => {
  await server?.close();
  await dns.close();
});

describe("the SSL API through the official Node.js SDK", () => {
  it("lists the key owner's certificates with their AutoRenewFlag, and pages them", async () => {
    const client = clientFor(readWriteA);
    const all = await client.DescribeCertificates({ Limit: 100 });
    expect(all.TotalCount).toBe(2);
    expect(all.Certificates?.map((row) => row.CertificateId).sort()).toEqual([certificateA, tooLateA].sort());
    const row = all.Certificates?.find((certificate) => certificate.CertificateId === certificateA);
    expect(row).toMatchObject({ Status: 1, AutoRenewFlag: 0, ProjectId: "0", IsIgnore: false });
    expect(typeof all.RequestId).toBe("string");

    const page = await client.DescribeCertificates({ Limit: 1, Offset: 1, ExpirationSort: "ASC" });
    expect(page.TotalCount).toBe(2);
    expect(page.Certificates?.map((certificate) => certificate.CertificateId)).toEqual([certificateA]);
    const expiring = await client.DescribeCertificates({ FilterExpiring: 1 });
    expect(expiring.Certificates?.map((certificate) => certificate.CertificateId)).toEqual([tooLateA]);
  });

  it("uploads a PEM pair, issued at once; shows, downloads, renames, silences and deletes it", async () => {
    const client = clientFor(readWriteA);
    const keys = generateTestKeyPair("ec-p256");
    const issuer = issueTestCertificate({
      commonName: "API Test CA",
      isCa: true,
      keys: generateTestKeyPair("ec-p256"),
      notBefore: new Date(today - 10 * DAY),
      notAfter: new Date(today + 800 * DAY),
    });
    const leaf = issueTestCertificate({
      commonName: "renewed.api-upload.test",
      sans: ["renewed.api-upload.test"],
      keys,
      issuer,
      notBefore: new Date(today - DAY),
      notAfter: new Date(today + 89 * DAY),
    });

    const uploaded = await client.UploadCertificate({
      CertificatePublicKey: `${leaf.pem}${issuer.pem}`,
      CertificatePrivateKey: leaf.privateKeyPem,
      Alias: "from acme",
    });
    const id = uploaded.CertificateId ?? "";
    expect(id).not.toBe("");

    const detail = await client.DescribeCertificateDetail({ CertificateId: id });
    expect(detail).toMatchObject({
      CertificateId: id,
      Status: 1,
      Domain: "renewed.api-upload.test",
      Alias: "from acme",
    });
    expect(detail.CertificatePublicKey).toContain(leaf.pem.trim());
    expect(detail.CertificatePrivateKey ?? null).toBeNull();
    expect((await client.DescribeCertificate({ CertificateId: id })).Domain).toBe("renewed.api-upload.test");

    const download = await client.DownloadCertificate({ CertificateId: id });
    expect(download.ContentType).toBe("application/zip");
    const files = unzipSync(Buffer.from(download.Content ?? "", "base64"));
    const names = Object.keys(files);
    expect(names.filter((name) => name.startsWith("Nginx/"))).toEqual(
      expect.arrayContaining(["Nginx/renewed.api-upload.test_bundle.crt", "Nginx/renewed.api-upload.test.key"]),
    );
    expect(new TextDecoder().decode(files["Nginx/renewed.api-upload.test.key"])).toBe(leaf.privateKeyPem);
    expect(names.some((name) => name.startsWith("IIS/"))).toBe(true);

    expect((await client.ModifyCertificateAlias({ CertificateId: id, Alias: "edge" })).CertificateId).toBe(id);
    expect((await client.DescribeCertificateDetail({ CertificateId: id })).Alias).toBe("edge");

    const silenced = await client.ModifyCertificatesExpiringNotificationSwitch({
      CertificateIds: [id],
      SwitchStatus: 1,
    });
    expect(silenced.CertificateIds).toEqual([id]);
    const [silencedRow] = (await client.DescribeCertificates({ CertIds: [id] })).Certificates ?? [];
    expect(silencedRow?.IsIgnore).toBe(true);

    expect((await client.DeleteCertificate({ CertificateId: id })).DeleteResult).toBe(true);
    expect(await refusalOf(client.DescribeCertificateDetail({ CertificateId: id }))).toBe(
      "FailedOperation.CertificateNotFound",
    );
    const listed = await client.DescribeCertificates({ Limit: 100 });
    expect(listed.Certificates?.map((row) => row.CertificateId)).not.toContain(id);

    const audited = await db.auditLog.findMany({ where: { action: "api.call", actorId: customerA.id } });
    expect(audited.length).toBeGreaterThan(5);
    expect(audited.every((entry) => entry.targetType === "ApiKey")).toBe(true);
  });

  it("runs examples/upload-renewed-certificate.ts: the renewal replaces the certificate it renews; run again, it finds it there", async () => {
    const keys = generateTestKeyPair("ec-p256");
    const renewed = issueTestCertificate({
      commonName: "example.api-upload.test",
      keys,
      notBefore: new Date(today - DAY),
      notAfter: new Date(today + 89 * DAY),
    });
    const old = await insertCertificate(customerA.id, 5);
    const options = {
      endpoint: server.endpoint,
      protocol: "http://" as const,
      ...readWriteA,
      fullChainPem: renewed.pem,
      privateKeyPem: renewed.privateKeyPem,
      alias: "renewed by acme",
      replaceCertificateId: old,
    };
    const id = await uploadRenewedCertificate(options);
    // The hook run again (another body, so not a replay) finds the certificate already there.
    expect(await uploadRenewedCertificate({ ...options, alias: "run again" })).toBe(id);
    const row = await db.certificate.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ domain: "example.api-upload.test", alias: "renewed by acme", status: "ISSUED" });
    expect((await db.certificate.findUniqueOrThrow({ where: { id: old } })).deletedAt).not.toBeNull();
    await db.certificate.update({ where: { id }, data: { deletedAt: new Date() } });
  });

  it("refuses an upload whose key does not match, in the caller's language", async () => {
    const leaf = issueTestCertificate({
      commonName: "mismatch.api-upload.test",
      keys: generateTestKeyPair("ec-p256"),
      notBefore: new Date(today - DAY),
      notAfter: new Date(today + 89 * DAY),
    });
    const stranger = issueTestCertificate({
      commonName: "stranger.api-upload.test",
      keys: generateTestKeyPair("ec-p256"),
      notBefore: new Date(today - DAY),
      notAfter: new Date(today + 89 * DAY),
    });
    const call = clientFor(readWriteA).UploadCertificate({
      CertificatePublicKey: leaf.pem,
      CertificatePrivateKey: stranger.privateKeyPem,
    });
    expect(await refusalOf(call)).toBe("FailedOperation.CertificateMismatch");
  });

  it("switches auto-renewal with CertDesk's own action, refused outside the enabling window as the dialog refuses it", async () => {
    const client = clientFor(readWriteA);
    const on = await client.request("CertDeskModifyAutoRenew", { CertificateId: certificateA, AutoRenewFlag: 1 });
    expect(on).toMatchObject({ CertificateIds: [certificateA], FailCertificates: [] });
    const [row] = (await client.DescribeCertificates({ CertIds: [certificateA] })).Certificates ?? [];
    expect(row?.AutoRenewFlag).toBe(1);

    const late = client.request("CertDeskModifyAutoRenew", { CertificateId: tooLateA, AutoRenewFlag: 1 });
    expect(await refusalOf(late)).toBe("FailedOperation.AutoRenewNotEligible");
    expect((await db.certificate.findUniqueOrThrow({ where: { id: tooLateA } })).autoRenewState).toBe("OFF");

    const batch = await client.request("CertDeskModifyAutoRenew", {
      CertificateIds: [certificateA, tooLateA],
      AutoRenewFlag: 0,
    });
    expect(batch.CertificateIds).toEqual([certificateA, tooLateA]);
    expect((await db.certificate.findUniqueOrThrow({ where: { id: certificateA } })).autoRenewState).toBe("OFF");
  });

  it("lets a read-only key read and refuses it every write", async () => {
    const client = clientFor(readOnlyA);
    expect((await client.DescribeCertificates({})).TotalCount).toBe(2);
    expect(await refusalOf(client.ModifyCertificateAlias({ CertificateId: certificateA, Alias: "x" }))).toBe(
      "UnauthorizedOperation",
    );
    expect(await refusalOf(client.DeleteCertificate({ CertificateId: certificateA }))).toBe("UnauthorizedOperation");
    expect(
      await refusalOf(client.request("CertDeskModifyAutoRenew", { CertificateId: certificateA, AutoRenewFlag: 1 })),
    ).toBe("UnauthorizedOperation");
    expect((await db.certificate.findUniqueOrThrow({ where: { id: certificateA } })).alias).toBeNull();
  });

  it("never shows customer B's key customer A's certificates: answered as a certificate that does not exist", async () => {
    const client = clientFor(keyB);
    expect(await client.DescribeCertificates({ Limit: 100 })).toMatchObject({ TotalCount: 0, Certificates: [] });
    expect((await client.DescribeCertificates({ SearchKey: certificateA })).TotalCount).toBe(0);
    const missing = await refusalOf(client.DescribeCertificateDetail({ CertificateId: "nosuchid" }));
    expect(missing).toBe("FailedOperation.CertificateNotFound");
    const calls = [
      () => client.DescribeCertificateDetail({ CertificateId: certificateA }),
      () => client.DownloadCertificate({ CertificateId: certificateA }),
      () => client.ModifyCertificateAlias({ CertificateId: certificateA, Alias: "mine now" }),
      () => client.ModifyCertificatesExpiringNotificationSwitch({ CertificateIds: [certificateA], SwitchStatus: 1 }),
      () => client.DeleteCertificate({ CertificateId: certificateA, IsCheckResource: false }),
    ];
    for (const call of calls) expect(await refusalOf(call())).toBe(missing);
    const untouched = await db.certificate.findUniqueOrThrow({ where: { id: certificateA } });
    expect(untouched).toMatchObject({ alias: null, ignoreNotifications: false, deletedAt: null });
  });

  it("lists the certificates being reissued for CertificateStatus 11, the console's Reissuing filter", async () => {
    // A customer of its own: the other tests count customer A's certificates.
    const customer = await createTestUser();
    const key = await createApiKey({
      ownerId: customer.id,
      actorId: customer.id,
      ip: null,
      name: "reissuing",
      scope: "READ_WRITE",
      expiresInDays: "never",
      now: new Date(),
    });
    const client = clientFor(key);
    const [reissued, plain] = [await insertCertificate(customer.id, 120), await insertCertificate(customer.id, 150)];
    const { CertificateId: reissue } = await client.ReplaceCertificate({ CertificateId: reissued, ValidType: "DNS" });
    const ids = (answer: { Certificates?: { CertificateId?: string }[] }) =>
      answer.Certificates?.map((row) => row.CertificateId).sort();

    const reissuing = await client.DescribeCertificates({ CertificateStatus: [11] });
    expect(reissuing.TotalCount).toBe(1);
    expect(reissuing.Certificates).toMatchObject([{ CertificateId: reissued, Status: 11 }]);
    // Beside another status: either matches; with 1, issued ones include those being reissued.
    const pendingOrReissuing = await client.DescribeCertificates({ CertificateStatus: [0, 11], Limit: 100 });
    expect(pendingOrReissuing.TotalCount).toBe(2);
    expect(ids(pendingOrReissuing)).toEqual([reissue, reissued].sort());
    expect(ids(await client.DescribeCertificates({ CertificateStatus: [1, 11], Limit: 100 }))).toEqual(
      [plain, reissued].sort(),
    );
    expect(ids(await client.DescribeCertificates({ CertificateStatus: [11], Deployable: 1 }))).toEqual([reissued]);
    // Another customer's key sees none of them.
    expect((await clientFor(keyB).DescribeCertificates({ CertificateStatus: [11] })).TotalCount).toBe(0);
  });

  it("refuses a wrong SecretKey, an unknown SecretId, an unknown action and another version", async () => {
    expect(await refusalOf(clientFor({ ...readWriteA, secretKey: keyB.secretKey }).DescribeCertificates({}))).toBe(
      "AuthFailure.SignatureFailure",
    );
    const unknown = { secretId: `AKID${"x".repeat(32)}`, secretKey: readWriteA.secretKey };
    expect(await refusalOf(clientFor(unknown).DescribeCertificates({}))).toBe("AuthFailure.SecretIdNotFound");
    expect(await refusalOf(clientFor(readWriteA).request("DescribeNothing", {}))).toBe("InvalidAction");
  });
});

describe("the free DV path through the SDK: apply, check, complete", () => {
  it("applies through the console's order, shows the record to publish, checks it and issues once it is there", async () => {
    const client = clientFor(readWriteA);
    const domain = `apply-${Math.random().toString(36).slice(2, 8)}.example.test`;
    const applied = await client.ApplyCertificate({ DvAuthMethod: "DNS", DomainName: domain, Alias: "free one" });
    const id = applied.CertificateId ?? "";
    const pending = await client.DescribeCertificateDetail({ CertificateId: id });
    expect(pending).toMatchObject({ Status: 0, Domain: domain, Alias: "free one", StatusMsg: "PENDING-DCV" });
    const record = pending.DvAuthDetail;
    expect(record?.DvAuthKey).toBe(`_dnsauth.${domain}`);
    expect(record?.DvAuthValue).toMatch(/\S{16,}/);

    const before = await client.CheckCertificateDomainVerification({ CertificateId: id });
    expect(before.VerificationResults).toEqual([
      expect.objectContaining({ Domain: `_dnsauth.${domain}`, LocalCheck: -1, CaCheck: -1 }),
    ]);
    expect((await db.certificate.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING_VALIDATION");

    dns.addRecord({ name: record?.DvAuthKey ?? "", type: "TXT", value: record?.DvAuthValue ?? "" });
    const found = await client.CheckCertificateDomainVerification({ CertificateId: id });
    expect(found.VerificationResults?.[0]).toMatchObject({ LocalCheck: 1, CaCheck: 2 });
    expect((await client.CompleteCertificate({ CertificateId: id })).CertificateId).toBe(id);
    expect((await client.DescribeCertificateDetail({ CertificateId: id })).Status).toBe(1);
    // Issued: nothing left to check (a second CompleteCertificate in this second would be a replay).
    expect(await refusalOf(client.CheckCertificateDomainVerification({ CertificateId: id }))).toBe(
      "FailedOperation.CertificateStatusNotAllowVerify",
    );
    const order = await db.certificateOrder.findFirstOrThrow({ where: { certificateId: id } });
    expect(order.ownerId).toBe(customerA.id);
  });

  it("refuses the read-only key an application, B's key A's pending certificate, and a name no CA would sign", async () => {
    expect(
      await refusalOf(clientFor(readOnlyA).ApplyCertificate({ DvAuthMethod: "DNS", DomainName: "ro.example.test" })),
    ).toBe("UnauthorizedOperation");
    const id = (await clientFor(readWriteA).ApplyCertificate({ DvAuthMethod: "FILE", DomainName: "b.example.test" }))
      .CertificateId;
    expect(await refusalOf(clientFor(keyB).CheckCertificateDomainVerification({ CertificateId: id ?? "" }))).toBe(
      "FailedOperation.CertificateNotFound",
    );
    expect(await refusalOf(clientFor(keyB).CompleteCertificate({ CertificateId: id ?? "" }))).toBe(
      "FailedOperation.CertificateNotFound",
    );
    expect(
      await refusalOf(clientFor(readWriteA).ApplyCertificate({ DvAuthMethod: "DNS", DomainName: "bad_name..test" })),
    ).toBe("InvalidParameterValue");
  });
});

describe("the paid DV path through the SDK: create, submit the information, submit the order", () => {
  const DNSPOD_DV_WILDCARD = 49;
  const DNSPOD_DV_MULTI = 50;

  it("buys a DNSPod DV wildcard with AutoRenewFlag, charged once at the order however often it is submitted", async () => {
    await fundAccount(customerA.id, 50_000);
    const client = clientFor(readWriteA);
    const zone = `paid-${Math.random().toString(36).slice(2, 8)}.example.test`;
    const balanceBefore = (await db.billingAccount.findUniqueOrThrow({ where: { ownerId: customerA.id } }))
      .balanceMinor;

    const created = await client.CreateCertificate({ ProductId: DNSPOD_DV_WILDCARD, DomainNum: 1, TimeSpan: 1 });
    expect(created.CertificateIds).toHaveLength(1);
    const id = created.CertificateIds?.[0] ?? "";
    // Nothing is charged before the order.
    expect(await db.ledgerEntry.count({ where: { certificateId: id } })).toBe(0);
    expect(await refusalOf(client.CertificateOrderSubmit({ CertId: id }))).toBe("FailedOperation");
    await nextSecond();

    await client.CertificateInfoSubmit({
      CertId: id,
      GenCsrType: "online",
      CertCommonName: `*.${zone}`,
      DnsNames: [`*.${zone}`, zone],
      CompanyType: 1,
      CompanyId: "0",
      ContactEmail: "ops@example.test",
      VerifyType: "DNS",
      AutoRenewFlag: 1,
      CsrEncryptAlgo: "ECC",
      CsrKeyParameter: "prime256v1",
    });
    const ordered = await client.CertificateOrderSubmit({ CertId: id });
    expect(ordered).toMatchObject({ Status: 0, IsAudited: false });
    expect(ordered.OrderId).toMatch(/\S+/);
    await nextSecond();
    // Submitted again (signed anew): the same order, nothing more charged.
    expect((await client.CertificateOrderSubmit({ CertId: id })).OrderId).toBe(ordered.OrderId);
    expect(
      await refusalOf(
        client.CertificateInfoSubmit({
          CertId: id,
          GenCsrType: "online",
          CertCommonName: `*.${zone}`,
          CompanyType: 1,
          CompanyId: "0",
        }),
      ),
    ).toBe("FailedOperation");

    const price = await db.price.findFirstOrThrow({
      where: { brand: "DNSPod", certificateType: "DV", domainType: "WILDCARD", validityYears: 1, free: false },
    });
    const charges = await db.ledgerEntry.findMany({ where: { certificateId: id } });
    expect(charges.map((entry) => [entry.kind, entry.amountMinor])).toEqual([["PURCHASE", -price.priceMinor]]);
    const balanceAfter = (await db.billingAccount.findUniqueOrThrow({ where: { ownerId: customerA.id } })).balanceMinor;
    expect(balanceAfter).toBe(balanceBefore - price.priceMinor);

    const pending = await client.DescribeCertificateDetail({ CertificateId: id });
    expect(pending).toMatchObject({ Status: 0, Domain: `*.${zone}` });
    const record = pending.DvAuthDetail;
    expect(record?.DvAuthKey).toBe(`_dnsauth.${zone}`);
    dns.addRecord({ name: record?.DvAuthKey ?? "", type: "TXT", value: record?.DvAuthValue ?? "" });
    await nextSecond();
    await client.CompleteCertificate({ CertificateId: id });
    const issued = await client.DescribeCertificateDetail({ CertificateId: id });
    // The wildcard also covers its apex, as the order form says.
    expect(issued).toMatchObject({ Status: 1, AutoRenewFlag: 1, Domain: `*.${zone}`, SubjectAltName: [zone] });
  });

  it("refuses unknown products, OV, a wrong domain count, a short balance, a name the product cannot cover and others' drafts", async () => {
    const client = clientFor(readWriteA);
    expect(await refusalOf(client.CreateCertificate({ ProductId: 999, DomainNum: 1, TimeSpan: 1 }))).toBe(
      "InvalidParameterValue",
    );
    expect(await refusalOf(client.CreateCertificate({ ProductId: 9, DomainNum: 1, TimeSpan: 1 }))).toBe(
      "FailedOperation",
    );
    expect(
      await refusalOf(client.CreateCertificate({ ProductId: DNSPOD_DV_WILDCARD, DomainNum: 2, TimeSpan: 1 })),
    ).toBe("InvalidParameterValue");
    expect(
      await refusalOf(client.CreateCertificate({ ProductId: DNSPOD_DV_WILDCARD, DomainNum: 1, TimeSpan: 3 })),
    ).toBe("FailedOperation");
    expect(await refusalOf(clientFor(readOnlyA).CreateCertificate({ ProductId: 48, DomainNum: 1, TimeSpan: 1 }))).toBe(
      "UnauthorizedOperation",
    );
    // Customer B holds no money: refused at the first call, nothing made.
    const drafts = await db.apiCertificateDraft.count();
    const short = clientFor(keyB, "en-US").CreateCertificate({ ProductId: 48, DomainNum: 1, TimeSpan: 1 });
    await expect(short).rejects.toMatchObject({
      code: "FailedOperation",
      message: expect.stringMatching(/balance is too low: you need \$\d+\.\d\d more/),
    });
    expect(await db.apiCertificateDraft.count()).toBe(drafts);

    await nextSecond();
    const multi = await client.CreateCertificate({ ProductId: DNSPOD_DV_MULTI, DomainNum: 3, TimeSpan: 1 });
    const id = multi.CertificateIds?.[0] ?? "";
    const submit = (names: string[], extra: Record<string, unknown> = {}) =>
      client.CertificateInfoSubmit({
        CertId: id,
        GenCsrType: "online",
        CertCommonName: names[0] ?? "",
        DnsNames: names.slice(1),
        CompanyType: 1,
        CompanyId: "0",
        ...extra,
      });
    // Two names for three, a wildcard in a multi-domain product, auto-renewal it does not offer.
    expect(await refusalOf(submit(["a.multi.example.test", "b.multi.example.test"]))).toBe("InvalidParameterValue");
    expect(await refusalOf(submit(["a.multi.example.test", "*.multi.example.test", "c.multi.example.test"]))).toBe(
      "InvalidParameterValue",
    );
    await nextSecond();
    const names = ["a.multi.example.test", "b.multi.example.test", "c.multi.example.test"];
    expect(await refusalOf(submit(names, { AutoRenewFlag: 1 }))).toBe("InvalidParameterValue");
    expect(await refusalOf(submit(names, { GenCsrType: "parse" }))).toBe("MissingParameter");
    expect(
      await refusalOf(
        clientFor(keyB).CertificateInfoSubmit({
          CertId: id,
          GenCsrType: "online",
          CertCommonName: names[0] ?? "",
          CompanyType: 1,
          CompanyId: "0",
        }),
      ),
    ).toBe("FailedOperation.CertificateNotFound");
    expect(await refusalOf(clientFor(keyB).CertificateOrderSubmit({ CertId: id }))).toBe(
      "FailedOperation.CertificateNotFound",
    );
    await submit(names);
    expect(await db.apiCertificateDraft.findUniqueOrThrow({ where: { id } })).toMatchObject({
      orderedAt: null,
      submission: expect.objectContaining({ names, domainCount: 3, autoRenew: false }),
    });
  });
});

describe("requests signed by hand, as the Python SDK signs them", () => {
  async function send(input: { body: string; signedBody?: string; timestamp?: number; version?: string }) {
    const timestamp = input.timestamp ?? Math.floor(Date.now() / 1000);
    const authorization = signTc3Request({
      method: "POST",
      host: server.endpoint,
      contentType: "application/json",
      body: input.signedBody ?? input.body,
      timestamp,
      ...readWriteA,
    });
    const response = await fetch(`http://${server.endpoint}/`, {
      method: "POST",
      headers: {
        authorization,
        "content-type": "application/json",
        "x-tc-action": "DescribeCertificates",
        "x-tc-version": input.version ?? "2019-12-05",
        "x-tc-timestamp": String(timestamp),
        "x-tc-language": "en-US",
      },
      body: input.body,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    const json = (await response.json()) as {
      Response: { Error?: { Code: string; Message: string }; RequestId: string };
    };
    expect(json.Response.RequestId).toMatch(/^[0-9a-f-]{36}$/);
    return json.Response;
  }

  it("answers a correct one, with the host signed with its port", async () => {
    expect((await send({ body: '{"Limit":1}' })).Error).toBeUndefined();
  });

  it("refuses a timestamp 10 minutes old, and a body changed after signing", async () => {
    const old = await send({ body: "{}", timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(old.Error?.Code).toBe("AuthFailure.SignatureExpire");
    const altered = await send({ body: '{"Limit":100}', signedBody: '{"Limit":1}' });
    expect(altered.Error?.Code).toBe("AuthFailure.SignatureFailure");
    expect((await send({ body: "{}", version: "2017-03-12" })).Error?.Code).toBe("NoSuchVersion");
  });
});

// Orders on PostgreSQL, from placing to issuance, cancellation and timeout, through the
// same functions the console and the job call.
import { randomUUID, X509Certificate } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalDnsServer } from "@/testing/local-dns-server";

const dns = new LocalDnsServer();
process.env.DNS_RESOLVER = await dns.start();

const { db } = await import("@/lib/db/client");
const { placeCertificateOrder } = await import("@/lib/orders/place-certificate-order");
const { cancelCertificateOrder } = await import("@/lib/orders/cancel-certificate-order");
const { syncDnsRecords } = await import("@/lib/dns/sync-dns-records");
const { validatePendingCertificates } = await import("@/lib/renewal-job/validate-pending-certificates");
const { issueValidatedCertificates } = await import("@/lib/renewal-job/issue-validated-certificates");
const { timeOutPendingValidations } = await import("@/lib/renewal-job/time-out-pending-validations");
const { verifyRenewalNow } = await import("@/lib/renewal/verify-renewal-now");
const { renewManually } = await import("@/lib/renewal/renew-manually");
const { issuePendingCertificate } = await import("@/lib/issuance/issue-pending-certificate");
const { createTestUser, fundAccount, seedTestCatalogue, TEST_NOW } = await import("@/testing/factories");
const { expectBalancesMatchLedger } = await import("@/testing/ledger-invariant");
const { fingerprintDatabase } = await import("@/testing/security/database-fingerprint");
const { createTestCsr } = await import("@/testing/create-test-csr");
type OrderInput = import("@/lib/orders/certificate-order-input").CertificateOrderInput;
type ProductKey = import("@/testing/factories").TestProductKey;

const DAY = 86_400_000;
let products: Record<ProductKey, string>;

beforeAll(async () => {
  products = await seedTestCatalogue();
});
afterAll(() => dns.close());

const suffix = () => randomUUID().slice(0, 8);

function order(product: ProductKey, names: string[], overrides: Partial<OrderInput> = {}): OrderInput {
  return {
    idempotencyKey: randomUUID(),
    flow: product === "freeSingle" ? "FREE" : "PURCHASE",
    productId: products[product],
    domainCount: names.length,
    names,
    validationMethod: "DNS",
    key: { source: "GENERATE", algorithm: "ECDSA_P256" },
    autoRenew: false,
    ...overrides,
  };
}

async function customer(balanceMinor = 0) {
  const user = await createTestUser();
  if (balanceMinor > 0) await fundAccount(user.id, balanceMinor);
  return user;
}

const place = (ownerId: string, input: OrderInput, now = TEST_NOW) =>
  placeCertificateOrder({ ownerId, actorId: ownerId, ip: "198.51.100.7", now, order: input });

const balanceOf = async (ownerId: string) =>
  (await db.billingAccount.findUniqueOrThrow({ where: { ownerId } })).balanceMinor;

function placed<T extends { status: string }>(outcome: T): Extract<T, { status: "placed" }> {
  if (outcome.status !== "placed") throw new Error(`expected the order to be placed, got ${JSON.stringify(outcome)}`);
  return outcome as Extract<T, { status: "placed" }>;
}

describe("paying for an order", () => {
  it("charges once however often the same request arrives at the same time", async () => {
    const user = await customer(20_000);
    const input = order("dnspodWildcard", [`*.once-${suffix()}.example.test`]);
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => place(user.id, input)));

    const orderIds = new Set(outcomes.map((outcome) => placed(outcome).orderId));
    expect(orderIds.size).toBe(1);
    expect(outcomes.filter((outcome) => placed(outcome).replayed === false)).toHaveLength(1);
    expect(await db.certificateOrder.count({ where: { ownerId: user.id } })).toBe(1);
    expect(await db.certificate.count({ where: { ownerId: user.id } })).toBe(1);
    const charges = await db.ledgerEntry.findMany({ where: { account: { ownerId: user.id }, kind: "PURCHASE" } });
    expect(charges).toMatchObject([{ amountMinor: -9_900, idempotencyKey: `purchase:${[...orderIds][0]}` }]);
    expect(await balanceOf(user.id)).toBe(10_100);

    // A later replay (a network retry) returns the same order and charges nothing.
    expect(placed(await place(user.id, input))).toMatchObject({ orderId: [...orderIds][0], replayed: true });
    expect(await balanceOf(user.id)).toBe(10_100);
    await expectBalancesMatchLedger();
  });

  it("refuses a key reused for another order", async () => {
    const user = await customer(20_000);
    const input = order("dnspodSingle", [`reuse-${suffix()}.example.test`]);
    placed(await place(user.id, input));
    await expect(place(user.id, { ...input, names: [`other-${suffix()}.example.test`] })).rejects.toMatchObject({
      code: "IDEMPOTENCY_KEY_REUSED",
    });
  });

  it("with a short balance charges nothing, stores nothing and says how much is missing", async () => {
    const user = await customer(2_000);
    const before = await fingerprintDatabase();
    await expect(place(user.id, order("dnspodSingle", [`short-${suffix()}.example.test`]))).rejects.toMatchObject({
      code: "INSUFFICIENT_BALANCE",
      details: { missingMinor: 900, currency: "USD" },
    });
    expect(await fingerprintDatabase()).toEqual(before);
  });

  it("prices a multi-domain order per name, and checks the names as a CA would", async () => {
    const user = await customer(50_000);
    const base = `multi-${suffix()}.example.test`;
    const result = placed(await place(user.id, order("dnspodMulti", [`a.${base}`, `b.${base}`, `c.${base}`])));
    expect(result.priceMinor).toBe(17_700);
    const certificate = await db.certificate.findUniqueOrThrow({ where: { id: result.certificateId } });
    expect(certificate).toMatchObject({ domain: `a.${base}`, sans: [`b.${base}`, `c.${base}`], domainType: "MULTI" });

    const before = await fingerprintDatabase();
    const rejected = await place(user.id, order("dnspodMulti", [`a.${base}`, `A.${base}`, "*.x.example.test"]));
    expect(rejected).toEqual({
      status: "rejected",
      problems: [
        { field: "names", index: 2, code: "WILDCARD_NOT_ALLOWED", params: { name: "*.x.example.test" } },
        { field: "names", index: 1, code: "DUPLICATE", params: { name: `a.${base}` } },
      ],
    });
    expect(await fingerprintDatabase()).toEqual(before);
  });

  it("sells OV only with the organisation, nor a product priced in another currency than the account's", async () => {
    const user = await customer(50_000);
    const before = await fingerprintDatabase();
    expect(await place(user.id, order("geoTrustOv", [`ov-${suffix()}.example.test`]))).toEqual({
      status: "rejected",
      problems: [{ field: "organization", code: "ORGANIZATION_REQUIRED", params: {} }],
    });
    expect(await fingerprintDatabase()).toEqual(before);
    await expect(place(user.id, order("euroSingle", [`eur-${suffix()}.example.test`]))).rejects.toMatchObject({
      code: "PRODUCT_NOT_AVAILABLE",
      details: { reason: "OTHER_CURRENCY" },
    });
  });

  it("refuses auto-renewal for a product that cannot have it, and FILE validation for a wildcard", async () => {
    const user = await customer(50_000);
    const rejected = await place(
      user.id,
      order("dnspodMulti", [`a.n-${suffix()}.test`, `b.n-${suffix()}.test`], { autoRenew: true }),
    );
    expect(rejected).toEqual({
      status: "rejected",
      problems: [
        { field: "autoRenew", code: "AUTO_RENEW_NOT_ELIGIBLE", params: { reasons: ["DOMAIN_TYPE_NOT_SUPPORTED"] } },
      ],
    });
    expect(
      await place(user.id, order("dnspodWildcard", [`*.f-${suffix()}.test`], { validationMethod: "FILE" })),
    ).toEqual({
      status: "rejected",
      problems: [{ field: "validationMethod", code: "FILE_NOT_FOR_WILDCARD", params: {} }],
    });
  });

  it("refuses hostile CSRs and names with a precise problem, storing nothing", async () => {
    const user = await customer(50_000);
    const hostile = [
      "x".repeat(10 * 1024 * 1024),
      "\u202E-----BEGIN CERTIFICATE REQUEST-----",
      "<script>alert(1)</script>",
      `-----BEGIN CERTIFICATE REQUEST-----\n${"A".repeat(64)}\n-----END CERTIFICATE REQUEST-----`,
    ];
    const before = await fingerprintDatabase();
    for (const csrPem of hostile) {
      const outcome = await place(
        user.id,
        order("dnspodSingle", [`csr-${suffix()}.test`], { key: { source: "CSR", csrPem } }),
      );
      expect(outcome).toMatchObject({ status: "rejected", problems: [{ field: "csr" }] });
    }
    for (const name of ["<script>.test", "\u202Eexample.com", "a\u200Bb.example.com", "' OR '1'='1"]) {
      const outcome = await place(user.id, order("dnspodSingle", [name]));
      expect(outcome).toMatchObject({ status: "rejected", problems: [{ field: "names", index: 0 }] });
    }
    expect(await fingerprintDatabase()).toEqual(before);
  });

  it("refuses a name in another customer's hosted zone, storing nothing", async () => {
    const owner = await customer();
    const zone = `theirs-${suffix()}.test`;
    await db.hostedZone.create({ data: { ownerId: owner.id, name: zone } });
    const user = await customer(50_000);
    const before = await fingerprintDatabase();
    expect(await place(user.id, order("dnspodSingle", [`www.${zone}`]))).toEqual({
      status: "rejected",
      problems: [{ field: "names", index: 0, code: "HOSTED_BY_ANOTHER_ACCOUNT", params: { name: `www.${zone}` } }],
    });
    expect(await fingerprintDatabase()).toEqual(before);
  });
});

describe("free certificates", () => {
  it("cost nothing, and no more than the administrator's limit are held, however many arrive at once", async () => {
    await db.platformSettings.upsert({
      where: { id: "global" },
      create: { id: "global", freeCertificateLimit: 2 },
      update: { freeCertificateLimit: 2 },
    });
    try {
      const user = await customer();
      const outcomes = await Promise.allSettled(
        Array.from({ length: 4 }, (_, index) => place(user.id, order("freeSingle", [`free${index}-${suffix()}.test`]))),
      );
      expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(2);
      const refused = outcomes.filter((outcome) => outcome.status === "rejected");
      expect(refused.map((outcome) => outcome.reason)).toMatchObject([
        { code: "FREE_CERTIFICATE_LIMIT_REACHED", details: { limit: 2, held: 2 } },
        { code: "FREE_CERTIFICATE_LIMIT_REACHED", details: { limit: 2, held: 2 } },
      ]);
      const held = await db.certificate.findMany({ where: { ownerId: user.id } });
      expect(held.map((certificate) => certificate.source)).toEqual(["FREE", "FREE"]);
      expect(await db.ledgerEntry.count({ where: { account: { ownerId: user.id } } })).toBe(0);
      const orders = await db.certificateOrder.findMany({ where: { ownerId: user.id } });
      expect(orders.map((row) => [row.kind, row.priceMinor])).toEqual([
        ["FREE", 0],
        ["FREE", 0],
      ]);

      // A canceled one no longer counts.
      const [first] = held;
      await cancelCertificateOrder({
        ownerId: user.id,
        certificateId: first?.id ?? "",
        actorId: user.id,
        ip: null,
        now: TEST_NOW,
      });
      placed(await place(user.id, order("freeSingle", [`free-again-${suffix()}.test`])));
    } finally {
      await db.platformSettings.delete({ where: { id: "global" } });
    }
  });
});

describe("validation and issuance", () => {
  it("a hosted domain: record added, validated and issued at once, valid one year, auto-renewing as ordered", async () => {
    const user = await customer(20_000);
    const zone = `hosted-${suffix()}.test`;
    await db.hostedZone.create({ data: { ownerId: user.id, name: zone } });
    const result = placed(
      await place(
        user.id,
        order("dnspodWildcard", [`*.${zone}`], {
          autoRenew: true,
          key: { source: "GENERATE", algorithm: "ECDSA_P384" },
        }),
      ),
    );
    expect(result.issued).toBe(true);
    const certificate = await db.certificate.findUniqueOrThrow({
      where: { id: result.certificateId },
      omit: { privateKeyEncrypted: false },
    });
    expect(certificate).toMatchObject({
      status: "ISSUED",
      source: "PURCHASED",
      validationMethod: "DNS_AUTO",
      validationRecordName: `_dnsauth.${zone}`,
      issuedAt: TEST_NOW,
      expiresAt: new Date("2027-06-15T08:00:00Z"),
      autoRenewState: "ON",
      keyAlgorithm: "ECDSA_P384",
      csrPem: null,
    });
    // Linked to its certificate, so the renewal job removes it from the DNS server now that it is issued.
    expect(
      await db.dnsRecord.count({
        where: {
          name: `_dnsauth.${zone}`,
          value: certificate.validationRecordValue ?? "",
          certificateId: certificate.id,
        },
      }),
    ).toBe(1);
    const leaf = new X509Certificate(certificate.certificatePem ?? "");
    expect(leaf.subjectAltName).toBe(`DNS:*.${zone}, DNS:${zone}`);
    expect(leaf.publicKey.asymmetricKeyDetails?.namedCurve).toBe("secp384r1");
    expect(certificate.privateKeyEncrypted).toMatch(/^v1\./);
    expect(await db.certificateOrder.findUniqueOrThrow({ where: { id: result.orderId } })).toMatchObject({
      status: "ISSUED",
      issuedAt: TEST_NOW,
      autoRenew: true,
    });
    expect(await db.notification.count({ where: { certificateId: certificate.id, kind: "CERTIFICATE_ISSUED" } })).toBe(
      1,
    );
  });

  it("a third-party domain: issued by the job once the TXT record appears in DNS", async () => {
    const user = await customer(20_000);
    const domain = `third-${suffix()}.test`;
    const result = placed(await place(user.id, order("dnspodSingle", [domain])));
    expect(result.issued).toBe(false);
    const pending = await db.certificate.findUniqueOrThrow({ where: { id: result.certificateId } });
    expect(pending).toMatchObject({
      status: "PENDING_VALIDATION",
      validationMethod: "DNS",
      sans: [`www.${domain}`],
      validationRecordName: `_dnsauth.${domain}`,
      validationDeadline: new Date(TEST_NOW.getTime() + 7 * DAY),
    });
    expect(
      await db.notification.findFirst({ where: { certificateId: pending.id, kind: "ORDER_VALIDATION_NEEDED" } }),
    ).toMatchObject({ params: expect.objectContaining({ recordNames: `_dnsauth.${domain}`, method: "DNS" }) });

    const later = new Date(TEST_NOW.getTime() + DAY);
    await validatePendingCertificates({ now: later });
    expect(await issueValidatedCertificates({ now: later })).toMatchObject({ issued: 0 });

    dns.addRecord({ name: `_dnsauth.${domain}`, type: "TXT", value: pending.validationRecordValue ?? "" });
    expect(await validatePendingCertificates({ now: later })).toMatchObject({ validated: 1 });
    await issueValidatedCertificates({ now: later });
    const issued = await db.certificate.findUniqueOrThrow({ where: { id: pending.id } });
    expect(issued).toMatchObject({
      status: "ISSUED",
      issuedAt: later,
      expiresAt: new Date(later.getTime() + 365 * DAY),
    });
    expect(new X509Certificate(issued.certificatePem ?? "").subjectAltName).toBe(`DNS:${domain}, DNS:www.${domain}`);
    await expectBalancesMatchLedger();
  });

  it("a customer's CSR: the certificate carries its key, and CertDesk stores no private key", async () => {
    const user = await customer(20_000);
    const zone = `csr-${suffix()}.test`;
    await db.hostedZone.create({ data: { ownerId: user.id, name: zone } });
    const csr = createTestCsr({ key: "rsa-2048", commonName: zone, sans: [zone, `www.${zone}`] });
    const wrongNames = createTestCsr({ key: "ec-p256", commonName: zone });
    expect(
      await place(user.id, order("dnspodSingle", [zone], { key: { source: "CSR", csrPem: wrongNames.csrPem } })),
    ).toEqual({
      status: "rejected",
      problems: [
        {
          field: "csr",
          code: "CSR_NAMES_MISMATCH",
          params: { missing: `www.${zone}`, extra: "", missingCount: 1, extraCount: 0 },
        },
      ],
    });
    const result = placed(
      await place(user.id, order("dnspodSingle", [zone], { key: { source: "CSR", csrPem: csr.csrPem } })),
    );
    expect(result.issued).toBe(true);
    const certificate = await db.certificate.findUniqueOrThrow({
      where: { id: result.certificateId },
      omit: { privateKeyEncrypted: false },
    });
    expect(certificate).toMatchObject({ keyAlgorithm: "RSA_2048", privateKeyEncrypted: null });
    expect(certificate.csrPem).toContain("BEGIN CERTIFICATE REQUEST");
    expect(
      new X509Certificate(certificate.certificatePem ?? "").checkPrivateKey(await importKey(csr.privateKeyPem)),
    ).toBe(true);
  });

  it("FILE validation: issued once the site serves the token, checked over real HTTP", async () => {
    const user = await customer(20_000);
    const domain = `site-${suffix()}.test`;
    const served = new Map<string, string>();
    const server: Server = createServer((request, response) => {
      const body = served.get(`${request.headers.host?.replace(/:\d+$/, "")}${request.url}`);
      response.writeHead(body ? 200 : 404).end(body ?? "not found");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const port = (server.address() as AddressInfo).port;
    try {
      for (const host of [domain, `www.${domain}`]) dns.addRecord({ name: host, type: "A", value: "127.0.0.1" });
      const result = placed(await place(user.id, order("dnspodSingle", [domain], { validationMethod: "FILE" })));
      const pending = await db.certificate.findUniqueOrThrow({ where: { id: result.certificateId } });
      expect(pending).toMatchObject({
        validationMethod: "FILE",
        validationRecordName: `http://${domain}/.well-known/pki-validation/fileauth.txt`,
      });
      const check = { file: { allowPrivate: true, ports: { http: port, https: port } } };
      const now = new Date(TEST_NOW.getTime() + DAY);

      // On the apex only: the www bonus name needs it too.
      served.set(`${domain}/.well-known/pki-validation/fileauth.txt`, `${pending.validationRecordValue}\n`);
      expect(await validatePendingCertificates({ now, check })).toMatchObject({ validated: 0 });
      served.set(`www.${domain}/.well-known/pki-validation/fileauth.txt`, pending.validationRecordValue ?? "");
      expect(await validatePendingCertificates({ now, check })).toMatchObject({ validated: 1 });
      await issueValidatedCertificates({ now });
      expect(await db.certificate.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({ status: "ISSUED" });
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe("ending an order without a certificate", () => {
  it("a timeout after 7 days refunds the fee once and tells the customer", async () => {
    const user = await customer(20_000);
    const result = placed(await place(user.id, order("dnspodWildcard", [`*.late-${suffix()}.test`])));
    const expired = new Date(TEST_NOW.getTime() + 7 * DAY);
    const first = await timeOutPendingValidations({ now: expired });
    const second = await timeOutPendingValidations({ now: expired });
    expect(first.timedOut).toBeGreaterThanOrEqual(1);
    expect(second.errors).toEqual([]);
    expect(await db.certificate.findUniqueOrThrow({ where: { id: result.certificateId } })).toMatchObject({
      status: "VALIDATION_FAILED",
    });
    expect(await db.certificateOrder.findUniqueOrThrow({ where: { id: result.orderId } })).toMatchObject({
      status: "TIMED_OUT",
      endedAt: expired,
      refundedAt: expired,
    });
    const refunds = await db.ledgerEntry.findMany({ where: { certificateOrderId: result.orderId, kind: "REFUND" } });
    expect(refunds).toMatchObject([{ amountMinor: 9_900, idempotencyKey: `refund:purchase:${result.orderId}` }]);
    expect(await balanceOf(user.id)).toBe(20_000);
    expect(
      await db.notification.count({ where: { certificateId: result.certificateId, kind: "ORDER_TIMED_OUT" } }),
    ).toBe(1);
    await expectBalancesMatchLedger();
  });

  it("canceling before issuance refunds once, removes the hosted record, and is refused after", async () => {
    const user = await customer(20_000);
    const zone = `cancel-${suffix()}.test`;
    await db.hostedZone.create({ data: { ownerId: user.id, name: zone } });
    const otherZoneName = `elsewhere-${suffix()}.test`;
    // Mixed: one name hosted, one not, so the order waits for validation by hand.
    const result = placed(await place(user.id, order("dnspodMulti", [`a.${zone}`, `b.${otherZoneName}`])));
    expect(result.issued).toBe(false);
    expect(await db.dnsRecord.count({ where: { name: `_dnsauth.a.${zone}` } })).toBe(1);
    const stranger = await customer();
    const cancel = (ownerId: string) =>
      cancelCertificateOrder({
        ownerId,
        certificateId: result.certificateId,
        actorId: ownerId,
        ip: null,
        now: TEST_NOW,
      });

    await expect(cancel(stranger.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const outcomes = await Promise.allSettled([cancel(user.id), cancel(user.id)]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(outcomes.find((outcome) => outcome.status === "rejected")).toMatchObject({
      reason: { code: "ORDER_NOT_CANCELABLE" },
    });
    expect(await db.certificate.findUniqueOrThrow({ where: { id: result.certificateId } })).toMatchObject({
      status: "CANCELED",
    });
    expect(await db.ledgerEntry.count({ where: { certificateOrderId: result.orderId, kind: "REFUND" } })).toBe(1);
    expect(await balanceOf(user.id)).toBe(20_000);
    // Released for removal from the DNS server; the renewal job's DNS step deletes it there, then the row.
    expect(await db.dnsRecord.findMany({ where: { name: `_dnsauth.a.${zone}` }, select: { state: true } })).toEqual([
      { state: "REMOVING" },
    ]);
    await syncDnsRecords({ realNow: new Date() });
    expect(await db.dnsRecord.count({ where: { name: `_dnsauth.a.${zone}` } })).toBe(0);
    expect(await verifyRenewalNow({ ownerId: user.id, certificateId: result.certificateId, now: TEST_NOW })).toEqual({
      outcome: "not-pending",
    });
    await expectBalancesMatchLedger();
  });

  it("cannot cancel an issued certificate", async () => {
    const user = await customer(20_000);
    const zone = `issued-${suffix()}.test`;
    await db.hostedZone.create({ data: { ownerId: user.id, name: zone } });
    const result = placed(await place(user.id, order("dnspodSingle", [zone])));
    expect(result.issued).toBe(true);
    await expect(
      cancelCertificateOrder({
        ownerId: user.id,
        certificateId: result.certificateId,
        actorId: user.id,
        ip: null,
        now: TEST_NOW,
      }),
    ).rejects.toMatchObject({ code: "ORDER_NOT_CANCELABLE" });
  });
});

describe("renewals of ordered certificates", () => {
  /** An ordered certificate, issued, then brought to 20 days before expiry so it may be renewed by hand. */
  async function issuedOrder(input: (zone: string) => OrderInput, hostZone = true) {
    const user = await customer(50_000);
    const zone = `renew-${suffix()}.test`;
    if (hostZone) await db.hostedZone.create({ data: { ownerId: user.id, name: zone } });
    const result = placed(await place(user.id, input(zone)));
    if (!result.issued) {
      // As if the job had found the record or file: validated, then issued.
      await db.certificate.update({ where: { id: result.certificateId }, data: { validatedAt: TEST_NOW } });
      expect(await issuePendingCertificate(result.certificateId, TEST_NOW)).toBe("issued");
    }
    await db.certificate.update({
      where: { id: result.certificateId },
      data: { expiresAt: new Date(TEST_NOW.getTime() + 20 * DAY) },
    });
    const renewal = await renewManually({
      ownerId: user.id,
      certificateId: result.certificateId,
      actorId: user.id,
      ip: null,
      now: TEST_NOW,
    });
    const renewed = await db.certificate.findUniqueOrThrow({
      where: { id: renewal.newCertificateId },
      omit: { privateKeyEncrypted: false },
    });
    return { user, zone, renewal, renewed };
  }

  it("a certificate issued for a CSR renews for the CSR's key, with no private key stored", async () => {
    let csr = { csrPem: "", privateKeyPem: "" };
    const { renewal, renewed } = await issuedOrder((zone) => {
      csr = createTestCsr({ key: "ec-p256", commonName: zone, sans: [`www.${zone}`] });
      return order("dnspodSingle", [zone], { key: { source: "CSR", csrPem: csr.csrPem } });
    });
    expect(renewal.issued).toBe(true);
    expect(renewed).toMatchObject({ status: "ISSUED", privateKeyEncrypted: null, keyAlgorithm: "ECDSA_P256" });
    expect(renewed.csrPem).toContain("BEGIN CERTIFICATE REQUEST");
    expect(new X509Certificate(renewed.certificatePem ?? "").checkPrivateKey(await importKey(csr.privateKeyPem))).toBe(
      true,
    );
  });

  it("an apex with its www bonus renews with the one record at the apex", async () => {
    const { renewed, zone } = await issuedOrder((zone) => order("dnspodSingle", [`www.${zone}`]), false);
    expect(renewed).toMatchObject({
      status: "PENDING_VALIDATION",
      validationMethod: "DNS",
      domain: `www.${zone}`,
      sans: [zone],
      validationRecordName: `_dnsauth.${zone}`,
    });
  });

  it("a certificate validated by file renews by file", async () => {
    const { renewed, zone } = await issuedOrder(
      (zone) => order("dnspodSingle", [`shop.${zone}`], { validationMethod: "FILE" }),
      false,
    );
    expect(renewed).toMatchObject({
      status: "PENDING_VALIDATION",
      validationMethod: "FILE",
      validationRecordName: `http://shop.${zone}/.well-known/pki-validation/fileauth.txt`,
    });
  });
});

async function importKey(pem: string) {
  const { createPrivateKey } = await import("node:crypto");
  return createPrivateKey(pem);
}

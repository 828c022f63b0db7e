// OV/EV renewed by hand through the order form, on PostgreSQL: the order renews one of the
// caller's certificates (renewsCertificateId), is paid once, goes through the letter and the
// review as a new OV order, and is issued with renewsId and the renewal's validity.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { readTestLetter, TEST_ORGANIZATION } from "@/testing/organization-fixtures";

// The "Update to cloud resources" prompt is for the simulated resources of DEMO_MODE.
vi.mock("@/lib/resources/simulated-resources-available", () => ({ simulatedResourcesAvailable: () => true }));

const { db } = await import("@/lib/db/client");
const { placeCertificateOrder } = await import("@/lib/orders/place-certificate-order");
const { cancelCertificateOrder } = await import("@/lib/orders/cancel-certificate-order");
const { getRenewalOrderOffer } = await import("@/lib/orders/get-renewal-order-offer");
const { uploadConfirmationLetter } = await import("@/lib/organization-review/upload-confirmation-letter");
const { approveOrganizationReview } = await import("@/lib/organization-review/approve-organization-review");
const { renewManually } = await import("@/lib/renewal/renew-manually");
const { reissueCertificate } = await import("@/lib/certificates/reissue-certificate");
const { deleteCertificate } = await import("@/lib/certificates/delete-certificate");
const { renewedExpiry } = await import("@/lib/renewal/auto-renew-rules");
const { listCertificates } = await import("@/lib/certificates/list-certificates");
const { parseCertificateListParams } = await import("@/lib/certificates/certificate-list-params");
const { createTestCertificate, createTestCloudResources, createTestSessionUser, seedTestCatalogue, TEST_NOW } =
  await import("@/testing/factories");
const { expectBalancesMatchLedger } = await import("@/testing/ledger-invariant");
const { fingerprintDatabase } = await import("@/testing/security/database-fingerprint");
type OrderInput = import("@/lib/orders/certificate-order-input").CertificateOrderInput;
type SessionUser = import("@/lib/auth/session").SessionUser;

const DAY = 86_400_000;
const OV_PRICE = 19_900;
const letter = readTestLetter();

let ovProductId: string;
beforeAll(async () => {
  ovProductId = (await seedTestCatalogue()).geoTrustOv;
});

const customer = () => createTestSessionUser({ fundMinor: 50_000 });
const admin = () => createTestSessionUser({ role: "ADMIN" });

/** An issued GeoTrust OV certificate of the customer, in a zone hosted with us, its organisation approved. */
async function issuedOv(user: SessionUser, overrides: { expiresInDays?: number; certificateType?: "OV" | "DV" } = {}) {
  const zone = `ovr-${randomUUID().slice(0, 8)}.test`;
  await db.hostedZone.create({ data: { ownerId: user.id, name: zone } });
  const certificate = await createTestCertificate(user.id, {
    brand: overrides.certificateType === "DV" ? "DNSPod" : "GeoTrust",
    certificateType: overrides.certificateType ?? "OV",
    domain: `shop.${zone}`,
    expiresInDays: overrides.expiresInDays ?? 20,
  });
  await db.organizationReview.create({
    data: {
      certificateId: certificate.id,
      ownerId: user.id,
      ...TEST_ORGANIZATION,
      submittedAt: TEST_NOW,
      reviewedAt: TEST_NOW,
    },
  });
  return certificate;
}

function renewalOrder(renewsCertificateId: string, overrides: Partial<OrderInput> = {}): OrderInput {
  return {
    idempotencyKey: randomUUID(),
    flow: "PURCHASE",
    productId: ovProductId,
    domainCount: 1,
    names: ["ignored.example.test"],
    validationMethod: "DNS",
    key: { source: "GENERATE", algorithm: "ECDSA_P256" },
    autoRenew: false,
    organization: { ...TEST_ORGANIZATION, contactName: "Wang Fang" },
    renewsCertificateId,
    ...overrides,
  };
}

const place = (user: SessionUser, input: OrderInput, now = TEST_NOW) =>
  placeCertificateOrder({ ownerId: user.id, actorId: user.id, ip: null, now, order: input });

function placed<T extends { status: string }>(outcome: T): Extract<T, { status: "placed" }> {
  if (outcome.status !== "placed") throw new Error(`expected the order to be placed, got ${JSON.stringify(outcome)}`);
  return outcome as Extract<T, { status: "placed" }>;
}

const balanceOf = async (ownerId: string) =>
  (await db.billingAccount.findUniqueOrThrow({ where: { ownerId } })).balanceMinor;

describe("renewing an OV certificate through the order form", () => {
  it("is prefilled, paid once on replay, reviewed, and issued as the old one's renewal, valid until its expiry plus one year", async () => {
    const user = await customer();
    const reviewer = await admin();
    const old = await issuedOv(user);
    await createTestCloudResources(user.id, old.id, 2);

    const offer = await getRenewalOrderOffer(user.id, old.id, TEST_NOW);
    expect(offer?.renewal).toMatchObject({
      certificateId: old.id,
      domain: old.domain,
      names: [old.domain],
      failures: [],
      validUntil: renewedExpiry(old.expiresAt ?? TEST_NOW).toISOString(),
      organization: TEST_ORGANIZATION,
    });
    expect(offer?.catalogue.products.map((product) => product.id)).toEqual([ovProductId]);

    // A double click, a retry and a replay: one order, one charge.
    const input = renewalOrder(old.id);
    const outcomes = await Promise.all([place(user, input), place(user, input), place(user, input)]);
    const orderIds = new Set(outcomes.map((outcome) => placed(outcome).orderId));
    expect(orderIds.size).toBe(1);
    expect(outcomes.filter((outcome) => !placed(outcome).replayed)).toHaveLength(1);
    const first = placed(outcomes[0] ?? { status: "none" });
    expect(await balanceOf(user.id)).toBe(50_000 - OV_PRICE);
    expect(await db.ledgerEntry.count({ where: { certificateOrderId: first.orderId } })).toBe(1);
    expect(placed(await place(user, input)).replayed).toBe(true);
    expect(await balanceOf(user.id)).toBe(50_000 - OV_PRICE);

    const order = await db.certificateOrder.findUniqueOrThrow({ where: { id: first.orderId } });
    expect(order).toMatchObject({ renewsCertificateId: old.id, status: "PAID", domains: [old.domain] });
    const pending = await db.certificate.findUniqueOrThrow({ where: { id: first.certificateId } });
    expect(pending).toMatchObject({ status: "PENDING_LETTER_UPLOAD", renewsId: old.id, certificateType: "OV" });
    expect(await db.organizationReview.findUniqueOrThrow({ where: { certificateId: pending.id } })).toMatchObject({
      contactName: "Wang Fang",
      reviewedAt: null,
    });

    // A second renewal of the same certificate while this one is open: refused, nothing stored.
    const before = await fingerprintDatabase();
    await expect(place(user, renewalOrder(old.id))).rejects.toMatchObject({ code: "RENEWAL_ORDER_OPEN" });
    expect(await fingerprintDatabase()).toEqual(before);
    // The database refuses it too, whoever writes it.
    const other = await createTestCertificate(user.id, { status: "PENDING_LETTER_UPLOAD", expiresAt: null });
    await expect(
      db.certificateOrder.create({
        data: {
          ownerId: user.id,
          idempotencyKey: randomUUID(),
          kind: "PURCHASE",
          status: "PAID",
          brand: "GeoTrust",
          certificateType: "OV",
          domainType: "SINGLE",
          validityYears: 1,
          domainCount: 1,
          domains: [old.domain],
          priceMinor: OV_PRICE,
          currency: "USD",
          certificateId: other.id,
          renewsCertificateId: old.id,
        },
      }),
    ).rejects.toThrow(/CertificateOrder_one_renewal_per_certificate|renewsCertificateId/);

    // The letter, the review, then the DV path: the zone is hosted, so it is issued on approval.
    expect(
      await uploadConfirmationLetter({
        ownerId: user.id,
        certificateId: pending.id,
        bytes: letter,
        actorId: user.id,
        ip: null,
        now: TEST_NOW,
      }),
    ).toEqual({ ok: true, certificateId: pending.id });
    const approvedAt = new Date(TEST_NOW.getTime() + 2 * DAY);
    expect(
      await approveOrganizationReview({ actor: reviewer, certificateId: pending.id, ip: null, now: approvedAt }),
    ).toEqual({ certificateId: pending.id, issued: true });

    const issued = await db.certificate.findUniqueOrThrow({ where: { id: pending.id } });
    expect(issued).toMatchObject({
      status: "ISSUED",
      renewsId: old.id,
      issuedAt: approvedAt,
      expiresAt: renewedExpiry(old.expiresAt ?? TEST_NOW),
      autoRenewState: "OFF",
    });
    expect(issued.expiresAt).toEqual(new Date((old.expiresAt?.getTime() ?? 0) + 365 * DAY));
    expect(await db.certificateOrder.findUniqueOrThrow({ where: { id: first.orderId } })).toMatchObject({
      status: "ISSUED",
      issuedAt: approvedAt,
    });
    expect(await db.notification.findFirst({ where: { certificateId: pending.id } })).toMatchObject({
      kind: "RENEWAL_ISSUED",
    });

    // The "Update to cloud resources" prompt: the old certificate's resources, offered to the renewal.
    const { items } = await listCertificates(
      user.id,
      parseCertificateListParams(new URLSearchParams({ q: old.domain })),
      approvedAt,
    );
    expect(items.find((row) => row.id === pending.id)).toMatchObject({ resourceUpdateFromId: old.id });

    // Renewed: the old certificate cannot be renewed again.
    await expect(place(user, renewalOrder(old.id), approvedAt)).rejects.toMatchObject({
      code: "MANUAL_RENEWAL_NOT_ALLOWED",
      details: { manualReasons: "RENEWAL_UNDER_WAY" },
    });
    await expectBalancesMatchLedger();
  });

  it("refuses a second renewal order placed at the same time, by the lock or the constraint", async () => {
    const user = await customer();
    const old = await issuedOv(user);
    const outcomes = await Promise.allSettled([
      place(user, renewalOrder(old.id)),
      place(user, renewalOrder(old.id)),
      place(user, renewalOrder(old.id)),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === "rejected") expect(outcome.reason).toMatchObject({ code: "RENEWAL_ORDER_OPEN" });
    }
    expect(await db.certificateOrder.count({ where: { renewsCertificateId: old.id } })).toBe(1);
    expect(await balanceOf(user.id)).toBe(50_000 - OV_PRICE);
  });

  it("frees the certificate for another renewal once the open one is canceled and refunded", async () => {
    const user = await customer();
    const old = await issuedOv(user);
    const first = placed(await place(user, renewalOrder(old.id)));
    await cancelCertificateOrder({
      ownerId: user.id,
      certificateId: first.certificateId,
      actorId: user.id,
      ip: null,
      now: TEST_NOW,
    });
    expect(await balanceOf(user.id)).toBe(50_000);
    const second = placed(await place(user, renewalOrder(old.id)));
    expect(second.orderId).not.toBe(first.orderId);
    expect(await balanceOf(user.id)).toBe(50_000 - OV_PRICE);
  });

  it("and a reissue of the same certificate exclude each other, and an open renewal keeps it from deletion", async () => {
    const user = await customer();
    const old = await issuedOv(user);
    placed(await place(user, renewalOrder(old.id)));
    await expect(
      reissueCertificate({
        ownerId: user.id,
        actorId: user.id,
        ip: null,
        now: TEST_NOW,
        request: {
          certificateId: old.id,
          validationMethod: "DNS",
          key: { source: "GENERATE", algorithm: "ECDSA_P256" },
        },
      }),
    ).rejects.toMatchObject({ code: "CERTIFICATE_NOT_REISSUABLE_RENEWAL_PENDING" });
    await expect(
      deleteCertificate({
        ownerId: user.id,
        certificateId: old.id,
        confirmedResourceIds: "ALL",
        actorId: user.id,
        ip: null,
        now: TEST_NOW,
      }),
    ).rejects.toMatchObject({ code: "CERTIFICATE_RENEWAL_UNDER_WAY" });

    const reissued = await issuedOv(user);
    await createTestCertificate(user.id, { status: "PENDING_VALIDATION", reissuesId: reissued.id, expiresAt: null });
    await expect(place(user, renewalOrder(reissued.id))).rejects.toMatchObject({
      code: "CERTIFICATE_REISSUE_UNDER_WAY",
    });
  });

  it("answers another customer's certificate, or a deleted one, as not found, storing nothing", async () => {
    const [owner, stranger] = [await customer(), await customer()];
    const old = await issuedOv(owner);
    const before = await fingerprintDatabase();
    await expect(place(stranger, renewalOrder(old.id))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await getRenewalOrderOffer(stranger.id, old.id, TEST_NOW)).toBeNull();
    expect(await fingerprintDatabase()).toEqual(before);

    await db.certificate.update({ where: { id: old.id }, data: { deletedAt: TEST_NOW } });
    await expect(place(owner, renewalOrder(old.id))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await balanceOf(owner.id)).toBe(50_000);
  });

  it("refuses what the manual-renewal rule refuses, saying why, and leaves DV to Renew now", async () => {
    const user = await customer();
    const cases = [
      [await issuedOv(user, { expiresInDays: 45 }), "TOO_EARLY"],
      [await issuedOv(user, { expiresInDays: -1 }), "EXPIRED"],
      [await issuedOv(user, { certificateType: "DV" }), "RENEWS_WITHOUT_ORDER"],
    ] as const;
    await db.certificate.update({ where: { id: cases[0][0].id }, data: { autoRenewState: "ON" } });
    for (const [certificate, reason] of cases) {
      await expect(place(user, renewalOrder(certificate.id))).rejects.toMatchObject({
        code: "MANUAL_RENEWAL_NOT_ALLOWED",
        details: { manualReasons: expect.stringContaining(reason) },
      });
    }
    expect(await db.certificateOrder.count({ where: { ownerId: user.id } })).toBe(0);
    expect(await balanceOf(user.id)).toBe(50_000);

    // DV manual renewal is as it was, and still refuses OV.
    await expect(
      renewManually({
        ownerId: user.id,
        certificateId: (await issuedOv(user)).id,
        actorId: user.id,
        ip: null,
        now: TEST_NOW,
      }),
    ).rejects.toMatchObject({
      code: "MANUAL_RENEWAL_NOT_ALLOWED",
      details: { manualReasons: "NEEDS_ORGANIZATION_REVIEW" },
    });
  });
});

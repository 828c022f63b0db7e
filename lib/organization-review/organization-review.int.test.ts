// OV/EV orders on PostgreSQL, through the functions the console, the admin dashboard and
// the job call: paid once, letter, review, then the DV path of validation and issuance.
import { randomUUID, X509Certificate } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalDnsServer } from "@/testing/local-dns-server";
import { readTestLetter, TEST_ORGANIZATION } from "@/testing/organization-fixtures";

const dns = new LocalDnsServer();
process.env.DNS_RESOLVER = await dns.start();

const { db } = await import("@/lib/db/client");
const { placeCertificateOrder } = await import("@/lib/orders/place-certificate-order");
const { cancelCertificateOrder } = await import("@/lib/orders/cancel-certificate-order");
const { validatePendingCertificates } = await import("@/lib/renewal-job/validate-pending-certificates");
const { issueValidatedCertificates } = await import("@/lib/renewal-job/issue-validated-certificates");
const { timeOutPendingValidations } = await import("@/lib/renewal-job/time-out-pending-validations");
const { uploadConfirmationLetter } = await import("@/lib/organization-review/upload-confirmation-letter");
const { correctOrganizationDetails } = await import("@/lib/organization-review/correct-organization-details");
const { approveOrganizationReview } = await import("@/lib/organization-review/approve-organization-review");
const { rejectOrganizationReview } = await import("@/lib/organization-review/reject-organization-review");
const { listOrganizationReviews } = await import("@/lib/organization-review/list-organization-reviews");
const { readConfirmationLetter } = await import("@/lib/organization-review/read-confirmation-letter");
const { getOrganizationReview } = await import("@/lib/organization-review/get-organization-review");
const { createTestSessionUser, seedTestCatalogue, TEST_NOW } = await import("@/testing/factories");
const { expectBalancesMatchLedger } = await import("@/testing/ledger-invariant");
const { fingerprintDatabase } = await import("@/testing/security/database-fingerprint");
type OrderInput = import("@/lib/orders/certificate-order-input").CertificateOrderInput;
type SessionUser = import("@/lib/auth/session").SessionUser;

const DAY = 86_400_000;
const OV_PRICE = 19_900;
const letter = readTestLetter;

let ovProductId: string;
beforeAll(async () => {
  ovProductId = (await seedTestCatalogue()).geoTrustOv;
});
afterAll(() => dns.close());

function ovOrder(domain: string, overrides: Partial<OrderInput> = {}): OrderInput {
  return {
    idempotencyKey: randomUUID(),
    flow: "PURCHASE",
    productId: ovProductId,
    domainCount: 1,
    names: [domain],
    validationMethod: "DNS",
    key: { source: "GENERATE", algorithm: "ECDSA_P256" },
    autoRenew: false,
    organization: TEST_ORGANIZATION,
    ...overrides,
  };
}

const customer = () => createTestSessionUser({ fundMinor: 50_000 });
const admin = () => createTestSessionUser({ role: "ADMIN" });

const balanceOf = async (ownerId: string) =>
  (await db.billingAccount.findUniqueOrThrow({ where: { ownerId } })).balanceMinor;

async function placeOv(user: SessionUser, input: OrderInput, now = TEST_NOW) {
  const outcome = await placeCertificateOrder({ ownerId: user.id, actorId: user.id, ip: null, now, order: input });
  if (outcome.status !== "placed") throw new Error(`not placed: ${JSON.stringify(outcome)}`);
  return outcome;
}

const upload = (user: SessionUser, certificateId: string, bytes: Uint8Array, now = TEST_NOW) =>
  uploadConfirmationLetter({ ownerId: user.id, certificateId, bytes, actorId: user.id, ip: null, now });

const statusOf = async (certificateId: string) =>
  (await db.certificate.findUniqueOrThrow({ where: { id: certificateId } })).status;

async function runJob(now: Date) {
  await validatePendingCertificates({ now });
  await issueValidatedCertificates({ now });
  await timeOutPendingValidations({ now });
}

describe("an OV order", () => {
  it("is paid once, waits for the letter and the review untouched by the job, then validates and issues as DV does", async () => {
    const user = await customer();
    const reviewer = await admin();
    const domain = `ov-${randomUUID().slice(0, 8)}.test`;
    const input = ovOrder(domain);
    const [first, again] = await Promise.all([placeOv(user, input), placeOv(user, input)]);
    expect(first.orderId).toBe(again.orderId);
    expect([first.replayed, again.replayed].sort()).toEqual([false, true]);
    expect(await balanceOf(user.id)).toBe(50_000 - OV_PRICE);
    expect(await db.ledgerEntry.count({ where: { certificateOrderId: first.orderId } })).toBe(1);

    const pending = await db.certificate.findUniqueOrThrow({ where: { id: first.certificateId } });
    expect(pending).toMatchObject({
      status: "PENDING_LETTER_UPLOAD",
      certificateType: "OV",
      validationRecordValue: null,
      validationDeadline: null,
    });
    expect(await db.dnsRecord.count({ where: { certificateId: pending.id } })).toBe(0);

    // Weeks pass: the job neither validates, issues nor times out what waits for the organisation.
    await runJob(new Date(TEST_NOW.getTime() + 20 * DAY));
    expect(await statusOf(pending.id)).toBe("PENDING_LETTER_UPLOAD");

    // A letter refused stores nothing.
    const before = await fingerprintDatabase();
    expect(await upload(user, pending.id, letter("program.exe.pdf"))).toEqual({
      ok: false,
      code: "LETTER_NOT_ACCEPTED_TYPE",
      params: {},
    });
    expect(await fingerprintDatabase()).toEqual(before);

    const uploadedAt = new Date(TEST_NOW.getTime() + 21 * DAY);
    expect(await upload(user, pending.id, letter("letter.pdf"), uploadedAt)).toEqual({
      ok: true,
      certificateId: pending.id,
    });
    expect(await statusOf(pending.id)).toBe("ORGANIZATION_REVIEW");
    await runJob(new Date(uploadedAt.getTime() + 10 * DAY));
    expect(await statusOf(pending.id)).toBe("ORGANIZATION_REVIEW");

    const queue = await listOrganizationReviews({ actor: reviewer });
    expect(queue.items.find((row) => row.certificateId === pending.id)).toMatchObject({
      state: "IN_REVIEW",
      companyName: TEST_ORGANIZATION.companyName,
      contactEmail: TEST_ORGANIZATION.contactEmail,
      letterType: "PDF",
      owner: { email: user.email },
      certificate: { brand: "GeoTrust", certificateType: "OV", domain },
    });

    // Approval is an administrator's, checked in the data layer whoever calls it.
    await expect(
      approveOrganizationReview({ actor: user, certificateId: pending.id, ip: null, now: uploadedAt }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      approveOrganizationReview({ actor: null, certificateId: pending.id, ip: null, now: uploadedAt }),
    ).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(listOrganizationReviews({ actor: user })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await statusOf(pending.id)).toBe("ORGANIZATION_REVIEW");

    const approvedAt = new Date(TEST_NOW.getTime() + 32 * DAY);
    expect(
      await approveOrganizationReview({ actor: reviewer, certificateId: pending.id, ip: null, now: approvedAt }),
    ).toEqual({ certificateId: pending.id, issued: false });
    const validating = await db.certificate.findUniqueOrThrow({ where: { id: pending.id } });
    expect(validating).toMatchObject({
      status: "PENDING_VALIDATION",
      validationMethod: "DNS",
      validationRecordName: `_dnsauth.${domain}`,
      validationDeadline: new Date(approvedAt.getTime() + 7 * DAY),
    });
    expect(await db.notification.count({ where: { certificateId: pending.id, kind: "ORDER_VALIDATION_NEEDED" } })).toBe(
      1,
    );
    await expect(
      approveOrganizationReview({ actor: reviewer, certificateId: pending.id, ip: null, now: approvedAt }),
    ).rejects.toMatchObject({ code: "ORGANIZATION_REVIEW_NOT_PENDING" });

    dns.addRecord({ name: `_dnsauth.${domain}`, type: "TXT", value: validating.validationRecordValue ?? "" });
    const later = new Date(approvedAt.getTime() + DAY);
    expect(await validatePendingCertificates({ now: later })).toMatchObject({ validated: 1 });
    await issueValidatedCertificates({ now: later });
    const issued = await db.certificate.findUniqueOrThrow({ where: { id: pending.id } });
    expect(issued).toMatchObject({ status: "ISSUED", issuedAt: later, autoRenewState: "OFF" });
    const leaf = new X509Certificate(issued.certificatePem ?? "");
    // Node escapes the comma of the distinguished name's value.
    expect(leaf.subject).toBe(`C=CN\nL=Shenzhen\nO=Example Trading Co.\\, Ltd.\nCN=${domain}`);
    expect(await db.certificateOrder.findUniqueOrThrow({ where: { id: first.orderId } })).toMatchObject({
      status: "ISSUED",
    });

    const audit = await db.auditLog.findMany({
      where: { targetId: pending.id, action: { startsWith: "certificate.organization." } },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((entry) => [entry.action, entry.actorId])).toEqual([
      ["certificate.organization.submit", user.id],
      ["certificate.organization.letter_upload", user.id],
      ["certificate.organization.approve", reviewer.id],
    ]);
    await expectBalancesMatchLedger();
  });

  it("is refused without the organisation, and cannot turn auto-renewal on", async () => {
    const user = await customer();
    const before = await fingerprintDatabase();
    const outcome = await placeCertificateOrder({
      ownerId: user.id,
      actorId: user.id,
      ip: null,
      now: TEST_NOW,
      order: ovOrder(`auto-${randomUUID().slice(0, 8)}.test`, { autoRenew: true }),
    });
    expect(outcome).toMatchObject({
      status: "rejected",
      problems: [{ field: "autoRenew", code: "AUTO_RENEW_NOT_ELIGIBLE" }],
    });
    expect(await fingerprintDatabase()).toEqual(before);
  });

  it("rejected with a reason the customer sees, corrected and uploaded again, back under review", async () => {
    const user = await customer();
    const reviewer = await admin();
    const { certificateId } = await placeOv(user, ovOrder(`rej-${randomUUID().slice(0, 8)}.test`));
    await expect(
      rejectOrganizationReview({ actor: reviewer, certificateId, reason: "Too early", ip: null, now: TEST_NOW }),
    ).rejects.toMatchObject({ code: "ORGANIZATION_REVIEW_NOT_PENDING" });
    await upload(user, certificateId, letter("letter.png"));
    await expect(
      rejectOrganizationReview({ actor: user, certificateId, reason: "mine", ip: null, now: TEST_NOW }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const reason = "The company name on the letter differs from the one entered.";
    await rejectOrganizationReview({ actor: reviewer, certificateId, reason, ip: null, now: TEST_NOW });
    expect(await statusOf(certificateId)).toBe("ORGANIZATION_REJECTED");
    expect(await getOrganizationReview({ ownerId: user.id, certificateId })).toMatchObject({
      rejectionReason: reason,
      letterType: "PNG",
    });
    // The customer is told, with the reason: in the console, and by e-mail as their settings say.
    const notices = () =>
      db.notification.findMany({
        where: { certificateId, kind: "ORGANIZATION_REJECTED" },
        orderBy: { createdAt: "asc" },
      });
    expect(await notices()).toMatchObject([
      { ownerId: user.id, readAt: null, emailStatus: "PENDING", params: { certificateId, reason } },
    ]);
    await runJob(new Date(TEST_NOW.getTime() + 30 * DAY));
    expect(await statusOf(certificateId)).toBe("ORGANIZATION_REJECTED");

    await correctOrganizationDetails({
      ownerId: user.id,
      certificateId,
      details: { ...TEST_ORGANIZATION, companyName: "Example Trading Company Limited", registrationNumber: undefined },
      actorId: user.id,
      ip: null,
      now: TEST_NOW,
    });
    expect(await statusOf(certificateId)).toBe("PENDING_LETTER_UPLOAD");
    expect(await getOrganizationReview({ ownerId: user.id, certificateId })).toMatchObject({
      companyName: "Example Trading Company Limited",
      registrationNumber: null,
      letterType: null,
      rejectionReason: reason,
    });
    expect(await upload(user, certificateId, letter("letter.jpg"))).toMatchObject({ ok: true });
    expect(await statusOf(certificateId)).toBe("ORGANIZATION_REVIEW");
    expect(await getOrganizationReview({ ownerId: user.id, certificateId })).toMatchObject({
      letterType: "JPEG",
      rejectionReason: null,
    });
    // Under review, the customer can change nothing.
    await expect(
      correctOrganizationDetails({
        ownerId: user.id,
        certificateId,
        details: TEST_ORGANIZATION,
        actorId: user.id,
        ip: null,
        now: TEST_NOW,
      }),
    ).rejects.toMatchObject({ code: "ORGANIZATION_REVIEW_NOT_OPEN" });
    expect(
      (await db.auditLog.findMany({ where: { targetId: certificateId, action: "certificate.organization.reject" } }))
        .length,
    ).toBe(1);
    // Rejected again: a notice of its own, with the new reason.
    const later = new Date(TEST_NOW.getTime() + DAY);
    await rejectOrganizationReview({ actor: reviewer, certificateId, reason: "Unsigned letter", ip: null, now: later });
    expect((await notices()).map((notice) => notice.params)).toMatchObject([{ reason }, { reason: "Unsigned letter" }]);
  });

  it("canceled after a rejection refunds the fee once through the ledger", async () => {
    const user = await customer();
    const reviewer = await admin();
    const { certificateId, orderId } = await placeOv(user, ovOrder(`cx-${randomUUID().slice(0, 8)}.test`));
    await upload(user, certificateId, letter("letter.pdf"));
    await rejectOrganizationReview({ actor: reviewer, certificateId, reason: "Unreadable", ip: null, now: TEST_NOW });
    const cancel = () =>
      cancelCertificateOrder({ ownerId: user.id, certificateId, actorId: user.id, ip: null, now: TEST_NOW });
    expect(await cancel()).toEqual({ orderId, refundedMinor: OV_PRICE, currency: "USD" });
    await expect(cancel()).rejects.toMatchObject({ code: "ORDER_NOT_CANCELABLE" });
    expect(await balanceOf(user.id)).toBe(50_000);
    expect(await statusOf(certificateId)).toBe("CANCELED");
    await expect(upload(user, certificateId, letter("letter.pdf"))).rejects.toMatchObject({
      code: "ORGANIZATION_REVIEW_NOT_OPEN",
    });
    await expectBalancesMatchLedger();
  });

  it("keeps one customer's letter and organisation from another; the owner and administrators read it", async () => {
    const owner = await customer();
    const other = await customer();
    const reviewer = await admin();
    const { certificateId } = await placeOv(owner, ovOrder(`own-${randomUUID().slice(0, 8)}.test`));
    const bytes = letter("letter.pdf");
    await upload(owner, certificateId, bytes);

    await expect(readConfirmationLetter({ viewer: other, certificateId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await getOrganizationReview({ ownerId: other.id, certificateId })).toBeNull();
    await expect(upload(other, certificateId, bytes)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      correctOrganizationDetails({
        ownerId: other.id,
        certificateId,
        details: TEST_ORGANIZATION,
        actorId: other.id,
        ip: null,
        now: TEST_NOW,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    for (const viewer of [owner, reviewer]) {
      const read = await readConfirmationLetter({ viewer, certificateId });
      expect(read.contentType).toBe("application/pdf");
      expect(Buffer.from(read.bytes).equals(Buffer.from(bytes))).toBe(true);
    }
    // The letter is read only where asked for: a plain query of the row leaves it out.
    const row = await db.organizationReview.findUniqueOrThrow({ where: { certificateId } });
    expect("letter" in row).toBe(false);
  });
});

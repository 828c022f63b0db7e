// Test fixture for the security tests: one customer with one object of every kind an
// action or route can act on, each for one use so that one call's success cannot
// change another's answer. Needs seeded prices, a funded account and DNS_RESOLVER set.
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db/client";
import { createCertificateDraft } from "@/lib/orders/create-certificate-draft";
import { placeCertificateOrder } from "@/lib/orders/place-certificate-order";
import { submitCertificateDraft } from "@/lib/orders/submit-certificate-draft";
import { uploadConfirmationLetter } from "@/lib/organization-review/upload-confirmation-letter";
import { renewManually } from "@/lib/renewal/renew-manually";
import { createTestCertificate, TEST_NOW } from "@/testing/factories";
import { createOwnedTargets, type OwnedTargets } from "@/testing/security/create-owned-targets";

export type OwnedObjects = OwnedTargets & {
  /** Part of every domain of this customer: an answer to anyone else must not contain it. */
  domainMarker: string;
  /** Eligible for auto-renewal, which is off. */
  enableCertificateId: string;
  /** Auto-renewal on, fee not yet due. */
  disableCertificateId: string;
  /** 20 days before expiry: may be renewed by hand. */
  manualCertificateId: string;
  /** Issued, nothing uses it: to revoke. */
  revokeCertificateId: string;
  /** Issued, nothing uses it: to reissue. */
  reissueCertificateId: string;
  /** Issued, nothing uses it: to delete. */
  deleteCertificateId: string;
  /** A renewal waiting for its DNS record (the domain is not hosted with us). */
  pendingRenewalId: string;
  /** A renewal issued at once (hosted domain): a certificate with its key, to download and deploy. */
  issuedCertificateId: string;
  /** A purchased certificate waiting for its DNS record: an order that can be canceled. */
  pendingOrderCertificateId: string;
  /** A certificate of the API's paid path, its information submitted, its order not yet placed. */
  submittedDraftId: string;
  /** OV orders waiting for the confirmation letter: one to upload it for, one to correct the details of. */
  letterCertificateId: string;
  correctCertificateId: string;
  /** OV orders whose letter is uploaded, under review: one to approve (and read the letter of), one to reject. */
  reviewCertificateId: string;
  rejectCertificateId: string;
  /** A cloud resource using the certificate the issued one renewed. */
  resourceId: string;
  notificationId: string;
  /** Hosted zones without certificates, one to check and one to remove. */
  zoneToCheckId: string;
  zoneToRemoveId: string;
  /** Third-party domains set up for automatic validation, one to check and one to remove. */
  delegationToCheckId: string;
  delegationToRemoveId: string;
};

export async function createOwnedObjects(ownerId: string): Promise<OwnedObjects> {
  const domainMarker = `owner-${randomUUID().slice(0, 8)}.test`;
  const certificate = (label: string, overrides: Parameters<typeof createTestCertificate>[1] = {}) =>
    createTestCertificate(ownerId, { domain: `${label}.${domainMarker}`, ...overrides });
  const context = { ownerId, actorId: ownerId, ip: null, now: TEST_NOW };

  const pending = await certificate("pending", { expiresInDays: 20 });
  const pendingRenewal = await renewManually({ ...context, certificateId: pending.id });
  await db.hostedZone.create({ data: { ownerId, name: `hosted.${domainMarker}` } });
  const hosted = await certificate("www.hosted", { expiresInDays: 12 });
  const issued = await renewManually({ ...context, certificateId: hosted.id });
  if (!issued.issued) throw new Error("the renewal of a hosted domain should be issued at once");
  const resource = await db.cloudResource.create({
    data: {
      ownerId,
      type: "CLB",
      name: `www.hosted.${domainMarker}`,
      region: "ap-guangzhou",
      certificateId: hosted.id,
    },
  });
  const product = await db.price.findFirstOrThrow({
    where: { brand: "DNSPod", certificateType: "DV", domainType: "SINGLE", free: false },
  });
  const order = await placeCertificateOrder({
    ...context,
    order: {
      idempotencyKey: randomUUID(),
      flow: "PURCHASE",
      productId: product.id,
      domainCount: 1,
      names: [`order.${domainMarker}`],
      validationMethod: "DNS",
      key: { source: "GENERATE", algorithm: "ECDSA_P256" },
      autoRenew: false,
    },
  });
  if (order.status !== "placed" || order.issued)
    throw new Error("the order of a third-party domain should wait for its record");
  const ovProduct = await db.price.findFirstOrThrow({
    where: { brand: "GeoTrust", certificateType: "OV", domainType: "SINGLE" },
  });
  const ovOrder = async (label: string, letter: boolean) => {
    const placed = await placeCertificateOrder({
      ...context,
      order: {
        idempotencyKey: randomUUID(),
        flow: "PURCHASE",
        productId: ovProduct.id,
        domainCount: 1,
        names: [`${label}.${domainMarker}`],
        validationMethod: "DNS",
        key: { source: "GENERATE", algorithm: "ECDSA_P256" },
        autoRenew: false,
        organization: {
          companyName: `Owner Co ${domainMarker}`,
          country: "CN",
          locality: "Shenzhen",
          address: "1 Test Road",
          companyPhone: "+86 755 0000 0000",
          contactName: "Owner Contact",
          contactEmail: "contact@example.test",
          contactPhone: "+86 138 0000 0000",
        },
      },
    });
    if (placed.status !== "placed") throw new Error("the OV order should be placed");
    if (letter) {
      const bytes = new Uint8Array(2048);
      bytes.set(new TextEncoder().encode("%PDF-1.4\n"));
      const uploaded = await uploadConfirmationLetter({ ...context, certificateId: placed.certificateId, bytes });
      if (!uploaded.ok) throw new Error("the letter should be accepted");
    }
    return placed.certificateId;
  };
  const notification = await db.notification.create({
    data: { ownerId, kind: "EXPIRY_REMINDER", dedupeKey: `security:${randomUUID()}`, params: {} },
  });
  const zone = (label: string) =>
    db.hostedZone.create({ data: { ownerId, name: `${label}.${domainMarker}` }, select: { id: true } });
  const delegation = (label: string) =>
    db.validationDelegation.create({
      data: { ownerId, domain: `${label}.${domainMarker}`, label: randomUUID().replaceAll("-", "").slice(0, 24) },
      select: { id: true },
    });
  const draft = await createCertificateDraft({
    ownerId,
    idempotencyKey: randomUUID(),
    product: { brand: "DNSPod", certificateType: "DV", domainType: "SINGLE" },
    validityYears: 1,
    domainCount: 1,
    now: TEST_NOW,
  });
  if (draft.status !== "created") throw new Error(`the draft should be created: ${draft.problem}`);
  const submitted = await submitCertificateDraft({
    ownerId,
    certificateId: draft.certificateId,
    request: {
      names: [`draft.${domainMarker}`],
      validationMethod: "DNS",
      key: { source: "GENERATE", algorithm: "ECDSA_P256" },
      autoRenew: false,
    },
    now: TEST_NOW,
  });
  if (submitted.status !== "submitted") throw new Error(`the draft should be submitted: ${submitted.status}`);
  const targets = await createOwnedTargets(ownerId, { issuedCertificateId: issued.newCertificateId, domainMarker });
  return {
    ...targets,
    domainMarker,
    zoneToCheckId: (await zone("check-zone")).id,
    zoneToRemoveId: (await zone("remove-zone")).id,
    delegationToCheckId: (await delegation("check-cname")).id,
    delegationToRemoveId: (await delegation("remove-cname")).id,
    enableCertificateId: (await certificate("enable")).id,
    disableCertificateId: (await certificate("disable", { autoRenewState: "ON" })).id,
    manualCertificateId: (await certificate("manual", { expiresInDays: 20 })).id,
    revokeCertificateId: (await certificate("revoke")).id,
    reissueCertificateId: (await certificate("reissue")).id,
    deleteCertificateId: (await certificate("delete")).id,
    pendingRenewalId: pendingRenewal.newCertificateId,
    issuedCertificateId: issued.newCertificateId,
    pendingOrderCertificateId: order.certificateId,
    submittedDraftId: draft.certificateId,
    letterCertificateId: await ovOrder("letter", false),
    correctCertificateId: await ovOrder("correct", false),
    reviewCertificateId: await ovOrder("review", true),
    rejectCertificateId: await ovOrder("reject", true),
    resourceId: resource.id,
    notificationId: notification.id,
  };
}

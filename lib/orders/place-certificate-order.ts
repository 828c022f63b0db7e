import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { postLedgerEntry } from "@/lib/billing/post-ledger-entry";
import { generateKeyPair, privateKeyToPem } from "@/lib/ca/key-pairs";
import { reissueUnderWay } from "@/lib/certificates/reissue-under-way";
import { getConfig } from "@/lib/config";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { type DbTransaction, db } from "@/lib/db/client";
import { findHostedZoneForName } from "@/lib/dns/find-hosted-zone-for-name";
import { AppError, isAppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { KeyAlgorithm } from "@/lib/generated/prisma/enums";
import { newCertificateId } from "@/lib/ids";
import type { CertificateOrderInput } from "@/lib/orders/certificate-order-input";
import { type AcceptedOrderNames, bonusNames, normalizeOrderName } from "@/lib/orders/check-order-names";
import { type CheckedCsr, checkOrderRequest } from "@/lib/orders/check-order-request";
import { countHeldFreeCertificates, getFreeCertificateLimit } from "@/lib/orders/free-certificate-limit";
import { loadRenewalOrder } from "@/lib/orders/load-renewal-order";
import { purchaseChargeKey } from "@/lib/orders/order-ledger-keys";
import type { OrderProblem } from "@/lib/orders/order-problems";
import { type CatalogueProduct, orderPriceMinor, productUnavailableReason } from "@/lib/orders/order-products";
import {
  issueHostedCertificateAtOnce,
  planCertificateValidation,
  writeValidationStart,
} from "@/lib/orders/start-certificate-validation";
import type { OrganizationDetails } from "@/lib/organization-review/organization-details-input";
import { needsOrganizationReview } from "@/lib/organization-review/organization-review-rules";
import { submitOrganizationReview } from "@/lib/organization-review/submit-organization-review";
import { lockOwnedCertificate } from "@/lib/renewal/load-renewal-facts";

export type PlaceCertificateOrderInput = {
  ownerId: string;
  actorId: string;
  ip: string | null;
  now: Date;
  order: CertificateOrderInput;
  /** The certificate's id when the caller named it already (the API's CreateCertificate did). */
  certificateId?: string;
};

export type PlaceOrderOutcome =
  | {
      status: "placed";
      orderId: string;
      certificateId: string;
      /** This idempotency key had placed the order already: nothing more was charged. */
      replayed: boolean;
      /** Hosted with us, validated and issued at once. */
      issued: boolean;
      priceMinor: number;
      currency: string;
    }
  | { status: "rejected"; problems: OrderProblem[] };

/** Thrown inside the order's transaction to roll it back with problems the customer can fix. */
class OrderRejected extends Error {
  constructor(readonly problems: OrderProblem[]) {
    super("order rejected");
  }
}

type KeyMaterial = CheckedCsr | { source: "GENERATE"; keyAlgorithm: KeyAlgorithm; privateKeyPem: string };

/**
 * Places one order from the catalogue: a purchase paid from the balance, or a free
 * application within the account's limit. Every check the order form shows is made
 * again here (product, names as a CA checks them, validation method, key or CSR,
 * auto-renewal eligibility); the charge, the order, the pending certificate (with its
 * 7-day validation deadline, and the DNS record when every name is hosted with us) and
 * the audit entry are written in one transaction with the account row locked, so a short
 * balance or any failure stores nothing. The same idempotency key placed twice — a double
 * click, a retry, two concurrent requests — gives the first order: the unique
 * (owner, key) constraint decides. A hosted domain is validated and issued at once when
 * possible; otherwise the job (or "Verify now") finishes it.
 */
export async function placeCertificateOrder(input: PlaceCertificateOrderInput): Promise<PlaceOrderOutcome> {
  const { ownerId, now } = input;
  const earlier = await findOrder(ownerId, input.order.idempotencyKey);
  if (earlier) return replay(earlier, input.order);

  // A renewal (OV/EV by hand) is ordered as its certificate's product, for its names.
  let renewal: Awaited<ReturnType<typeof renewalBasis>> | null = null;
  try {
    renewal = input.order.renewsCertificateId
      ? await renewalBasis(db, ownerId, input.order.renewsCertificateId, now)
      : null;
  } catch (error) {
    // This very order may have just been placed by a concurrent request with the same key.
    const winner = renewalTaken(error) ? await findOrder(ownerId, input.order.idempotencyKey) : null;
    if (winner) return replay(winner, input.order);
    throw error;
  }
  const order: CertificateOrderInput = renewal
    ? { ...input.order, productId: renewal.productId, names: renewal.names, domainCount: renewal.names.length }
    : input.order;

  const [product, catalogue, account] = await Promise.all([
    db.price.findUnique({ where: { id: order.productId } }),
    db.price.findMany(),
    db.billingAccount.findUnique({ where: { ownerId }, select: { currency: true } }),
  ]);
  if (!product || !account) throw new AppError("NOT_FOUND");
  const unavailable = productUnavailableReason(product, {
    flow: order.flow,
    accountCurrency: account.currency,
    renewal: renewal !== null,
  });
  if (unavailable) throw new AppError("PRODUCT_NOT_AVAILABLE", { reason: unavailable });

  const { problems, names, csr } = await checkOrderRequest(order, product, catalogue);
  const organization = needsOrganizationReview(product.certificateType) ? order.organization : undefined;
  if (needsOrganizationReview(product.certificateType) && !organization) {
    problems.push({ field: "organization", code: "ORGANIZATION_REQUIRED", params: {} });
  }
  if (problems.length > 0 || !names) return { status: "rejected", problems };
  const review = organization ? { organization } : null;

  // Key generation is CPU work (RSA 4096: seconds): done before the transaction holds the account.
  const key: KeyMaterial = csr ?? (await generatedKey(order.key));

  let placed: { orderId: string; certificateId: string; priceMinor: number; currency: string; automatic: boolean };
  try {
    placed = await db.$transaction(
      (tx) => writeOrder(tx, { input: { ...input, order }, product, names, key, review, renewing: renewal !== null }),
      { timeout: 30_000, maxWait: 15_000 },
    );
  } catch (error) {
    if (error instanceof OrderRejected) return { status: "rejected", problems: error.problems };
    if (isUniqueViolation(error) || renewalTaken(error)) {
      // The same key committed first (the account's, or a renewal's certificate's, lock made this one wait for it).
      const winner = await findOrder(ownerId, order.idempotencyKey);
      if (winner) return replay(winner, input.order);
    }
    // Another renewal order of the same certificate won: the constraint or the locked re-check said so.
    if (renewalTaken(error)) throw new AppError("RENEWAL_ORDER_OPEN");
    throw error;
  }

  const issued = placed.automatic ? await issueHostedCertificateAtOnce(placed.certificateId, now) : false;
  return {
    status: "placed",
    orderId: placed.orderId,
    certificateId: placed.certificateId,
    replayed: false,
    issued,
    priceMinor: placed.priceMinor,
    currency: placed.currency,
  };
}

async function writeOrder(
  tx: DbTransaction,
  context: {
    input: PlaceCertificateOrderInput;
    product: CatalogueProduct & { issuerId: string | null };
    names: AcceptedOrderNames;
    key: KeyMaterial;
    /** OV/EV: the organisation, reviewed before domain validation starts (at its approval). */
    review: { organization: OrganizationDetails } | null;
    /** The order renews order.renewsCertificateId (checked again here, with that certificate locked). */
    renewing: boolean;
  },
) {
  const { input, product, names, key, review } = context;
  const { ownerId, now, order } = input;
  const renewsId = context.renewing ? (order.renewsCertificateId ?? null) : null;
  if (renewsId) {
    // Locked first, as renewManually and the job lock it: two renewal orders of it queue here.
    if (!(await lockOwnedCertificate(tx, ownerId, renewsId))) throw new AppError("NOT_FOUND");
    await renewalBasis(tx, ownerId, renewsId, now);
  }
  const [account] = await tx.$queryRaw<{ id: string; balanceMinor: number; currency: string }[]>`
    SELECT id, "balanceMinor", currency FROM "BillingAccount" WHERE "ownerId" = ${ownerId} FOR UPDATE`;
  if (!account) throw new AppError("NOT_FOUND");

  // A name in another customer's hosted zone is theirs to certify, not this account's.
  const foreign: OrderProblem[] = [];
  for (const name of names.covered) {
    const zone = await findHostedZoneForName({ name }, tx);
    if (!zone || zone.ownerId === ownerId) continue;
    const index = names.boundNames.findIndex((bound) => bound === name || bonusNames(bound).includes(name));
    if (!foreign.some((problem) => problem.field === "names" && problem.index === index)) {
      foreign.push({ field: "names", index, code: "HOSTED_BY_ANOTHER_ACCOUNT", params: { name } });
    }
  }
  if (foreign.length > 0) throw new OrderRejected(foreign);

  if (product.free) {
    const [limit, held] = await Promise.all([getFreeCertificateLimit(tx), countHeldFreeCertificates(tx, ownerId)]);
    if (held >= limit) throw new AppError("FREE_CERTIFICATE_LIMIT_REACHED", { limit, held });
  }
  const priceMinor = orderPriceMinor(product, names.boundNames.length);
  const currency = product.free ? account.currency : product.currency;
  if (priceMinor > account.balanceMinor) {
    throw new AppError("INSUFFICIENT_BALANCE", { missingMinor: priceMinor - account.balanceMinor, currency });
  }

  const certificateId = input.certificateId ?? newCertificateId();
  // OV/EV: validation starts once the organisation is approved; until then the
  // certificate waits for the letter, keeping the customer's choice of method.
  const plan = review
    ? null
    : await planCertificateValidation(tx, {
        ownerId,
        boundNames: names.boundNames,
        covered: names.covered,
        acme: product.issuerId !== null,
        chosenMethod: order.validationMethod,
        now,
      });
  const validation = plan?.fields ?? {
    status: "PENDING_LETTER_UPLOAD" as const,
    validationMethod: order.validationMethod,
  };

  await tx.certificate.create({
    data: {
      id: certificateId,
      ownerId,
      brand: product.brand,
      certificateType: product.certificateType,
      domainType: product.domainType,
      domain: names.boundNames[0] ?? "",
      sans: names.covered.slice(1),
      source: product.free ? "FREE" : "PURCHASED",
      validityYears: product.validityYears,
      renewsId,
      ...validation,
      keyAlgorithm: key.keyAlgorithm,
      csrPem: key.source === "CSR" ? key.csrPem : null,
      issuerId: product.issuerId,
      privateKeyEncrypted:
        key.source === "GENERATE" ? encryptSecret(key.privateKeyPem, getConfig().encryptionKey, certificateId) : null,
      createdAt: now,
    },
  });
  // The unique (owner, idempotency key) decides whether this is the first order with this key.
  const created = await tx.certificateOrder.create({
    data: {
      ownerId,
      idempotencyKey: order.idempotencyKey,
      kind: product.free ? "FREE" : "PURCHASE",
      status: "PAID",
      brand: product.brand,
      certificateType: product.certificateType,
      domainType: product.domainType,
      validityYears: product.validityYears,
      domainCount: names.boundNames.length,
      domains: names.boundNames,
      priceMinor,
      currency,
      autoRenew: order.autoRenew,
      certificateId,
      renewsCertificateId: renewsId,
      createdAt: now,
    },
    select: { id: true },
  });
  if (priceMinor > 0) {
    await postLedgerEntry(tx, {
      accountId: account.id,
      kind: "PURCHASE",
      amountMinor: -priceMinor,
      idempotencyKey: purchaseChargeKey(created.id),
      certificateId,
      certificateOrderId: created.id,
      actorId: input.actorId,
      now,
    });
  }
  if (plan) {
    await writeValidationStart(tx, plan, { ownerId, certificateId, domain: names.boundNames[0] ?? "", now });
  } else if (review) {
    await submitOrganizationReview(tx, {
      ownerId,
      certificateId,
      details: review.organization,
      actorId: input.actorId,
      ip: input.ip,
      now,
    });
  }
  await recordAudit(tx, {
    actorId: input.actorId,
    action: product.free ? "certificate.order.apply" : "certificate.order.purchase",
    targetType: "CertificateOrder",
    targetId: created.id,
    after: {
      certificateId,
      brand: product.brand,
      certificateType: product.certificateType,
      domainType: product.domainType,
      validityYears: product.validityYears,
      domains: names.boundNames,
      covered: names.covered,
      priceMinor,
      currency,
      validationMethod: validation.validationMethod,
      organizationReview: review !== null,
      keySource: key.source,
      keyAlgorithm: key.keyAlgorithm,
      autoRenew: order.autoRenew,
      renewsCertificateId: renewsId,
    },
    ip: input.ip,
    at: now,
  });
  return { orderId: created.id, certificateId, priceMinor, currency, automatic: plan?.automatic ?? false };
}

async function generatedKey(choice: CertificateOrderInput["key"]): Promise<KeyMaterial> {
  if (choice.source !== "GENERATE") throw new Error("a CSR order reached key generation");
  const pair = await generateKeyPair(choice.algorithm);
  return { source: "GENERATE", keyAlgorithm: choice.algorithm, privateKeyPem: privateKeyToPem(pair.privateKey) };
}

type RecordedOrder = NonNullable<Awaited<ReturnType<typeof findOrder>>>;

function findOrder(ownerId: string, idempotencyKey: string) {
  return db.certificateOrder.findUnique({
    where: { ownerId_idempotencyKey: { ownerId, idempotencyKey } },
    select: {
      id: true,
      kind: true,
      domains: true,
      priceMinor: true,
      currency: true,
      certificateId: true,
      renewsCertificateId: true,
      certificate: { select: { status: true } },
    },
  });
}

/** The first order for a repeated key; a key is never reused for another order. */
function replay(order: RecordedOrder, input: CertificateOrderInput): PlaceOrderOutcome {
  const names = input.names.map((name) => {
    const normalized = normalizeOrderName(name);
    return normalized.ok ? normalized.name : name;
  });
  // A renewal's names are its certificate's, whatever the request said.
  const sameNames =
    order.renewsCertificateId !== null ||
    (order.domains.length === names.length && order.domains.every((domain, index) => domain === names[index]));
  const sameOrder =
    order.kind === (input.flow === "FREE" ? "FREE" : "PURCHASE") &&
    order.renewsCertificateId === (input.renewsCertificateId ?? null) &&
    sameNames;
  if (!sameOrder) throw new AppError("IDEMPOTENCY_KEY_REUSED");
  return {
    status: "placed",
    orderId: order.id,
    certificateId: order.certificateId,
    replayed: true,
    issued: order.certificate.status === "ISSUED",
    priceMinor: order.priceMinor,
    currency: order.currency,
  };
}

/** The partial unique index that allows one paid or issued renewal order per certificate. */
const RENEWAL_ORDER_INDEX = "CertificateOrder_one_renewal_per_certificate";

/** A unique violation; with `index`, of that index (the driver names the index or its column). */
function isUniqueViolation(error: unknown, index?: string): boolean {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return false;
  if (!index) return true;
  const meta = JSON.stringify(error.meta ?? {});
  return meta.includes(index) || meta.includes("renewsCertificateId");
}

/** Another order renewing the same certificate is open: refused by the rule or by the index. */
function renewalTaken(error: unknown): boolean {
  return isUniqueViolation(error, RENEWAL_ORDER_INDEX) || (isAppError(error) && error.code === "RENEWAL_ORDER_OPEN");
}

/**
 * The certificate an OV/EV renewal order renews: the caller's own ("not found" otherwise,
 * nothing stored), renewable through the order form now, by the manual-renewal rule.
 */
async function renewalBasis(
  client: DbTransaction | typeof db,
  ownerId: string,
  certificateId: string,
  now: Date,
): Promise<{ productId: string; names: string[] }> {
  const basis = await loadRenewalOrder(client, ownerId, certificateId, now);
  if (!basis) throw new AppError("NOT_FOUND");
  // A reissue in flight will supersede this certificate: renew the reissued one instead.
  if (await reissueUnderWay(client, ownerId, certificateId)) throw new AppError("CERTIFICATE_REISSUE_UNDER_WAY");
  if (basis.failures.includes("RENEWAL_ORDER_OPEN")) throw new AppError("RENEWAL_ORDER_OPEN");
  if (basis.failures.length > 0 || !basis.price) {
    throw new AppError("MANUAL_RENEWAL_NOT_ALLOWED", { manualReasons: basis.failures.join(",") });
  }
  return { productId: basis.price.id, names: basis.names };
}

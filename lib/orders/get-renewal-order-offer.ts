import "server-only";
import { db } from "@/lib/db/client";
import type { CertificateType, DomainType } from "@/lib/generated/prisma/enums";
import { getOrderCatalogue, type OrderCatalogue, orderCatalogueProduct } from "@/lib/orders/get-order-catalogue";
import { loadRenewalOrder } from "@/lib/orders/load-renewal-order";
import type { OrganizationDetailsInput } from "@/lib/organization-review/organization-details-input";
import { ORGANIZATION_DETAILS_COLUMNS } from "@/lib/organization-review/organization-review-columns";
import type { ManualRenewalFailure } from "@/lib/renewal/auto-renew-rules";

/** How far back the renewal chain is searched for the last approved organisation. */
const MAX_CHAIN = 20;

export type RenewalOrderOffer = {
  /** The order form over exactly one product: the certificate's. */
  catalogue: OrderCatalogue;
  renewal: {
    certificateId: string;
    domain: string;
    brand: string;
    certificateType: CertificateType;
    domainType: DomainType;
    /** The names ordered again, locked. */
    names: string[];
    expiresAt: string | null;
    /** Old expiry plus one year (the built-in CA's rule; an ACME CA decides its own). */
    validUntil: string | null;
    failures: ManualRenewalFailure[];
    /** The last approved organisation of this certificate or one it renewed: the form's starting point. */
    organization: OrganizationDetailsInput | null;
  };
};

/**
 * The order page for an OV/EV renewal (`/certificates/buy?renew=<id>`): the customer's
 * certificate (null when it is not theirs), whether it may be renewed through the order
 * form now, and the form prefilled for it. placeCertificateOrder asks loadRenewalOrder again.
 */
export async function getRenewalOrderOffer(
  ownerId: string,
  certificateId: string,
  now: Date,
): Promise<RenewalOrderOffer | null> {
  const [basis, catalogue, prices] = await Promise.all([
    loadRenewalOrder(db, ownerId, certificateId, now),
    getOrderCatalogue(ownerId, "PURCHASE"),
    db.price.findMany(),
  ]);
  if (!basis) return null;
  const price = basis.price ? prices.find((row) => row.id === basis.price?.id) : undefined;
  const product = price
    ? orderCatalogueProduct(price, prices, {
        flow: "PURCHASE",
        accountCurrency: catalogue.balance.currency,
        renewal: true,
      })
    : null;
  const { facts } = basis;
  return {
    catalogue: { ...catalogue, products: product ? [product] : [] },
    renewal: {
      certificateId: facts.id,
      domain: facts.domain,
      brand: facts.brand,
      certificateType: facts.certificateType,
      domainType: facts.domainType,
      names: basis.names,
      expiresAt: facts.expiresAt?.toISOString() ?? null,
      validUntil: basis.validUntil?.toISOString() ?? null,
      failures: basis.failures,
      organization: await lastApprovedOrganization(ownerId, certificateId),
    },
  };
}

/** The organisation last approved for this certificate or, walking back its renewals, one before it. */
async function lastApprovedOrganization(
  ownerId: string,
  certificateId: string,
): Promise<OrganizationDetailsInput | null> {
  let id: string | null = certificateId;
  for (let hop = 0; id && hop < MAX_CHAIN; hop += 1) {
    const certificate: Awaited<ReturnType<typeof reviewOf>> = await reviewOf(ownerId, id);
    if (!certificate) return null;
    const review = certificate.organizationReview;
    if (review?.reviewedAt && review.rejectionReason === null) {
      const { reviewedAt: _reviewedAt, rejectionReason: _reason, registrationNumber, ...details } = review;
      return { ...details, registrationNumber: registrationNumber ?? undefined };
    }
    id = certificate.renewsId;
  }
  return null;
}

function reviewOf(ownerId: string, certificateId: string) {
  return db.certificate.findFirst({
    where: { id: certificateId, ownerId },
    select: {
      renewsId: true,
      organizationReview: {
        select: {
          ...ORGANIZATION_DETAILS_COLUMNS,
          reviewedAt: true,
          rejectionReason: true,
        },
      },
    },
  });
}

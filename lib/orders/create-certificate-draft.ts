import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CertificateType, DomainType } from "@/lib/generated/prisma/enums";
import { newCertificateId } from "@/lib/ids";
import { getOrderCatalogue } from "@/lib/orders/get-order-catalogue";
import { orderPriceMinor } from "@/lib/orders/order-products";

/** Drafts not yet ordered that one account may hold: they cost nothing, so they are capped. */
export const MAX_OPEN_CERTIFICATE_DRAFTS = 20;

export type CreateCertificateDraftInput = {
  ownerId: string;
  /** Unique per request: the same request arriving twice makes one draft. */
  idempotencyKey: string;
  product: { brand: string; certificateType: CertificateType; domainType: DomainType };
  validityYears: number;
  domainCount: number;
  now: Date;
};

export type CertificateDraftProblem = "OV_EV_IN_CONSOLE" | "DOMAIN_COUNT" | "TOO_MANY_DRAFTS";

export type CreateCertificateDraftOutcome =
  | { status: "created"; certificateId: string }
  | { status: "rejected"; problem: CertificateDraftProblem; maxDomains?: number };

/**
 * The first step of the API's paid path (CreateCertificate): the catalogue product of this
 * kind and validity, sold to this account as the order form sells it, with a domain count it
 * allows. Nothing is charged here; a balance already short of the price is refused now so a
 * script learns it at the first call rather than the last.
 */
export async function createCertificateDraft(
  input: CreateCertificateDraftInput,
): Promise<CreateCertificateDraftOutcome> {
  const { ownerId } = input;
  const earlier = await db.apiCertificateDraft.findUnique({
    where: { ownerId_idempotencyKey: { ownerId, idempotencyKey: input.idempotencyKey } },
    select: { id: true },
  });
  if (earlier) return { status: "created", certificateId: earlier.id };

  const catalogue = await getOrderCatalogue(ownerId, "PURCHASE");
  const product = catalogue.products.find(
    (candidate) =>
      candidate.brand.toLowerCase() === input.product.brand.toLowerCase() &&
      candidate.certificateType === input.product.certificateType &&
      candidate.domainType === input.product.domainType &&
      candidate.validityYears === input.validityYears,
  );
  if (!product) throw new AppError("PRODUCT_NOT_AVAILABLE", { reason: "NOT_PURCHASABLE" });
  if (product.certificateType !== "DV") return { status: "rejected", problem: "OV_EV_IN_CONSOLE" };
  if (product.unavailable) throw new AppError("PRODUCT_NOT_AVAILABLE", { reason: product.unavailable });
  const countAllowed =
    product.domainType === "MULTI"
      ? input.domainCount >= 2 && input.domainCount <= product.maxDomains
      : input.domainCount === 1;
  if (!countAllowed) return { status: "rejected", problem: "DOMAIN_COUNT", maxDomains: product.maxDomains };

  const priceMinor = orderPriceMinor(product, input.domainCount);
  if (priceMinor > catalogue.balance.amountMinor) {
    throw new AppError("INSUFFICIENT_BALANCE", {
      missingMinor: priceMinor - catalogue.balance.amountMinor,
      currency: product.currency,
    });
  }
  const open = await db.apiCertificateDraft.count({ where: { ownerId, orderedAt: null } });
  if (open >= MAX_OPEN_CERTIFICATE_DRAFTS) return { status: "rejected", problem: "TOO_MANY_DRAFTS" };

  const certificateId = newCertificateId();
  try {
    await db.apiCertificateDraft.create({
      data: {
        id: certificateId,
        ownerId,
        idempotencyKey: input.idempotencyKey,
        productId: product.id,
        domainCount: input.domainCount,
        createdAt: input.now,
      },
    });
  } catch (error) {
    // The same request, in another app process, made it first.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return createCertificateDraft(input);
    }
    throw error;
  }
  return { status: "created", certificateId };
}

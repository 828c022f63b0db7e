import "server-only";
import { db } from "@/lib/db/client";
import { countHeldFreeCertificates, getFreeCertificateLimit } from "@/lib/orders/free-certificate-limit";
import {
  type CatalogueProduct,
  type OrderFlow,
  orderAutoRenewFailures,
  type ProductUnavailableReason,
  productUnavailableReason,
} from "@/lib/orders/order-products";
import type { ProductEligibilityFailure } from "@/lib/renewal/auto-renew-rules";

export type OrderCatalogueProduct = CatalogueProduct & {
  /** Why this account cannot order it in this flow; null when it can. */
  unavailable: ProductUnavailableReason | null;
  /** Why auto-renewal cannot be switched on while ordering it; empty when it can. */
  autoRenewFailures: ProductEligibilityFailure[];
};

export type OrderCatalogue = {
  flow: OrderFlow;
  products: OrderCatalogueProduct[];
  balance: { amountMinor: number; currency: string };
  /** Free certificates held and allowed (the free flow's limit). */
  free: { held: number; limit: number };
  /** The owner's hosted zones: names inside them are validated automatically. */
  hostedZones: string[];
};

/**
 * What the order form offers this customer: the catalogue of the flow (paid or free
 * products, others left out), each product with whether it can be ordered and whether
 * auto-renewal can be switched on, by the same rules placeCertificateOrder applies.
 */
export async function getOrderCatalogue(ownerId: string, flow: OrderFlow): Promise<OrderCatalogue> {
  const [prices, account, zones, held, limit] = await Promise.all([
    db.price.findMany({ orderBy: [{ brand: "asc" }, { certificateType: "asc" }, { domainType: "asc" }] }),
    db.billingAccount.findUnique({ where: { ownerId }, select: { balanceMinor: true, currency: true } }),
    db.hostedZone.findMany({ where: { ownerId }, select: { name: true }, orderBy: { name: "asc" } }),
    countHeldFreeCertificates(db, ownerId),
    getFreeCertificateLimit(db),
  ]);
  const balance = { amountMinor: account?.balanceMinor ?? 0, currency: account?.currency ?? "USD" };
  const products = prices
    .filter((price) => price.purchasable && price.free === (flow === "FREE"))
    .map((price) => orderCatalogueProduct(price, prices, { flow, accountCurrency: balance.currency }));
  return { flow, products, balance, free: { held, limit }, hostedZones: zones.map((zone) => zone.name) };
}

/** One catalogue row as the order form offers it, by the rules placeCertificateOrder applies. */
export function orderCatalogueProduct(
  price: CatalogueProduct,
  catalogue: readonly CatalogueProduct[],
  context: { flow: OrderFlow; accountCurrency: string; renewal?: boolean },
): OrderCatalogueProduct {
  const product: CatalogueProduct = {
    id: price.id,
    brand: price.brand,
    certificateType: price.certificateType,
    domainType: price.domainType,
    validityYears: price.validityYears,
    priceMinor: price.priceMinor,
    currency: price.currency,
    autoRenewSupported: price.autoRenewSupported,
    purchasable: price.purchasable,
    free: price.free,
    maxDomains: price.maxDomains,
  };
  return {
    ...product,
    unavailable: productUnavailableReason(product, context),
    autoRenewFailures: orderAutoRenewFailures(product, catalogue),
  };
}

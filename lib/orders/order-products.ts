// The catalogue as the order flow sees it: which products a customer may order here and
// what an order costs. Pure and client-safe: the form and placeCertificateOrder agree.
import type { CertificateType, DomainType } from "@/lib/generated/prisma/enums";
import {
  type ProductEligibilityFailure,
  productAutoRenewFailures,
  type SupportedCombination,
} from "@/lib/renewal/auto-renew-rules";

export type CatalogueProduct = {
  id: string;
  brand: string;
  certificateType: CertificateType;
  domainType: DomainType;
  validityYears: number;
  /** MULTI: per name. */
  priceMinor: number;
  currency: string;
  autoRenewSupported: boolean;
  purchasable: boolean;
  free: boolean;
  maxDomains: number;
};

/** Buying (paid products) or applying for a free certificate: the two doors into the flow. */
export type OrderFlow = "PURCHASE" | "FREE";

export const PRODUCT_UNAVAILABLE_REASONS = ["NOT_PURCHASABLE", "OTHER_CURRENCY", "OTHER_FLOW"] as const;
export type ProductUnavailableReason = (typeof PRODUCT_UNAVAILABLE_REASONS)[number];

/**
 * Why this product cannot be ordered by this account in this flow, or null. OV and EV
 * are sold like DV, with the organisation reviewed before domain validation
 * (lib/organization-review). A price in another currency than the account's is never converted.
 * A renewal of a certificate already held is ordered even when the product is no longer sold.
 */
export function productUnavailableReason(
  product: CatalogueProduct,
  context: { flow: OrderFlow; accountCurrency: string; renewal?: boolean },
): ProductUnavailableReason | null {
  if (!product.purchasable && !context.renewal) return "NOT_PURCHASABLE";
  if (product.free !== (context.flow === "FREE")) return "OTHER_FLOW";
  if (!product.free && product.currency !== context.accountCurrency) return "OTHER_CURRENCY";
  return null;
}

/** What the order costs: a MULTI product's price per name times the names ordered; free costs nothing. */
export function orderPriceMinor(product: CatalogueProduct, domainCount: number): number {
  if (product.free) return 0;
  return product.domainType === "MULTI" ? product.priceMinor * domainCount : product.priceMinor;
}

/** Why auto-renewal cannot be switched on while ordering this product (empty: it can). */
export function orderAutoRenewFailures(
  product: CatalogueProduct,
  catalogue: readonly CatalogueProduct[],
): ProductEligibilityFailure[] {
  const supported: SupportedCombination[] = catalogue.filter(
    (row) => row.autoRenewSupported && row.validityYears === 1,
  );
  return productAutoRenewFailures({ ...product, source: product.free ? "FREE" : "PURCHASED" }, supported);
}

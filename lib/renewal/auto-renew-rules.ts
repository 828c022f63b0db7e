// The auto-renewal rules (docs/domain.md), pure: every function gets the
// facts and `now`, and the dialog, the server action and the job all ask these.
import type {
  AutoRenewState,
  CertificateSource,
  CertificateStatus,
  CertificateType,
  DomainType,
} from "@/lib/generated/prisma/enums";
import { needsOrganizationReview } from "@/lib/organization-review/organization-review-rules";
import { addCalendarYears, addDays, wholeDaysBetween } from "@/lib/time";

export const MIN_DAYS_LEFT_TO_ENABLE = 14;
export const DEDUCT_DAYS_BEFORE_EXPIRY = 30;
export const VALIDATION_WINDOW_DAYS = 7;
export const EXPIRING_SOON_DAYS = 30;

/** When the renewal fee is deducted: 30 × 24 h before expiry. */
export function deductionTime(expiresAt: Date): Date {
  return addDays(expiresAt, -DEDUCT_DAYS_BEFORE_EXPIRY);
}

/** A renewal is valid until the old certificate's expiry plus one calendar year. */
export function renewedExpiry(oldExpiresAt: Date): Date {
  return addCalendarYears(oldExpiresAt, 1);
}

/**
 * The validity rule of every certificate CertDesk issues, from its issuance: a renewal
 * (rule 6) until the old certificate's expiry plus one calendar year; a new purchase or
 * free certificate for its product's validity in calendar years (Feb 29 + 1 year = Feb 28).
 */
export function issuedCertificateExpiry(input: {
  issuedAt: Date;
  /** The expiry of the certificate this one renews; null for a new certificate. */
  renewsExpiresAt: Date | null;
  validityYears: number;
}): Date {
  if (input.renewsExpiresAt) return renewedExpiry(input.renewsExpiresAt);
  return addCalendarYears(input.issuedAt, input.validityYears);
}

/** The last moment a renewal created now can be validated. */
export function validationDeadline(createdAt: Date): Date {
  return addDays(createdAt, VALIDATION_WINDOW_DAYS);
}

export function daysRemaining(expiresAt: Date, now: Date): number {
  return wholeDaysBetween(now, expiresAt);
}

export type DisplayStatus = CertificateStatus | "EXPIRED";

/** Issued certificates past their expiry show (and filter) as expired. */
export function displayStatus(status: CertificateStatus, expiresAt: Date | null, now: Date): DisplayStatus {
  if (status === "ISSUED" && expiresAt && expiresAt.getTime() <= now.getTime()) return "EXPIRED";
  return status;
}

export type SupportedCombination = { brand: string; certificateType: CertificateType; domainType: DomainType };

export type EligibilityFacts = {
  source: CertificateSource;
  brand: string;
  certificateType: CertificateType;
  domainType: DomainType;
  validityYears: number;
  status: CertificateStatus;
  expiresAt: Date | null;
  autoRenewState: AutoRenewState;
  /** A renewal has been paid for this certificate and is under way. */
  renewalUnderWay: boolean;
};

/** What a product is, whether sold as a new certificate or held as an issued one. */
export type ProductFacts = Pick<
  EligibilityFacts,
  "source" | "brand" | "certificateType" | "domainType" | "validityYears"
>;

export const PRODUCT_ELIGIBILITY_FAILURES = [
  "UPLOADED",
  "NOT_PAID",
  "BRAND_NOT_SUPPORTED",
  "TYPE_NOT_SUPPORTED",
  "DOMAIN_TYPE_NOT_SUPPORTED",
  "NOT_ONE_YEAR",
] as const;
export type ProductEligibilityFailure = (typeof PRODUCT_ELIGIBILITY_FAILURES)[number];

/**
 * The product's part of the eligibility rule: paid, a supported brand × type × domain
 * type, one year. The Activate dialog, the order form (the switch while buying) and the
 * order itself ask this; autoRenewEligibilityFailures adds the certificate's own state.
 */
export function productAutoRenewFailures(
  product: ProductFacts,
  supported: readonly SupportedCombination[],
): ProductEligibilityFailure[] {
  const failures: ProductEligibilityFailure[] = [];
  if (product.source === "UPLOADED") failures.push("UPLOADED");
  else if (product.source !== "PURCHASED") failures.push("NOT_PAID");

  const sameBrand = supported.filter((row) => row.brand === product.brand);
  const sameType = sameBrand.filter((row) => row.certificateType === product.certificateType);
  if (sameBrand.length === 0) failures.push("BRAND_NOT_SUPPORTED");
  // OV and EV renewals need the organisation reviewed again (the order flow): never automatic,
  // whatever the catalogue says (its Price rows cannot offer it either: a check constraint).
  else if (sameType.length === 0 || needsOrganizationReview(product.certificateType))
    failures.push("TYPE_NOT_SUPPORTED");
  else if (!sameType.some((row) => row.domainType === product.domainType)) failures.push("DOMAIN_TYPE_NOT_SUPPORTED");

  if (product.validityYears !== 1) failures.push("NOT_ONE_YEAR");
  return failures;
}

export const ELIGIBILITY_FAILURES = [
  ...PRODUCT_ELIGIBILITY_FAILURES,
  "NOT_ISSUED",
  "EXPIRED",
  "TOO_LATE",
  "ALREADY_ON",
  "RENEWAL_UNDER_WAY",
] as const;
export type EligibilityFailure = (typeof ELIGIBILITY_FAILURES)[number];

/**
 * Every condition that keeps this certificate out of auto-renewal, in the order
 * the dialog lists them; empty when it can be enrolled.
 */
export function autoRenewEligibilityFailures(
  facts: EligibilityFacts,
  supported: readonly SupportedCombination[],
  now: Date,
): EligibilityFailure[] {
  const failures: EligibilityFailure[] = productAutoRenewFailures(facts, supported);
  if (facts.status !== "ISSUED" || !facts.expiresAt) failures.push("NOT_ISSUED");
  else if (facts.expiresAt.getTime() <= now.getTime()) failures.push("EXPIRED");
  else if (daysRemaining(facts.expiresAt, now) < MIN_DAYS_LEFT_TO_ENABLE) failures.push("TOO_LATE");

  if (facts.renewalUnderWay) failures.push("RENEWAL_UNDER_WAY");
  else if (facts.autoRenewState === "ON") failures.push("ALREADY_ON");
  return failures;
}

export type DeactivationRefusal = "NOT_ON" | "ALREADY_DEDUCTED";

/** (ours) Auto-renewal can be turned off until the fee has been deducted. */
export function deactivationRefusal(state: AutoRenewState, renewalUnderWay: boolean): DeactivationRefusal | null {
  if (renewalUnderWay) return "ALREADY_DEDUCTED";
  if (state !== "ON") return "NOT_ON";
  return null;
}

export const MANUAL_RENEWAL_FAILURES = [
  "UPLOADED",
  "NOT_PAID",
  "NEEDS_ORGANIZATION_REVIEW",
  "RENEWS_WITHOUT_ORDER",
  "NO_PRICE",
  "NOT_ONE_YEAR",
  "NOT_ISSUED",
  "EXPIRED",
  "TOO_EARLY",
  "AUTO_RENEW_ON",
  "RENEWAL_UNDER_WAY",
  "RENEWAL_ORDER_OPEN",
] as const;
export type ManualRenewalFailure = (typeof MANUAL_RENEWAL_FAILURES)[number];

/**
 * The two ways of renewing by hand: DV is paid at once ("Renew now", renewManually); OV
 * and EV go through the order form (placeCertificateOrder with renewsCertificateId), since
 * their organisation is reviewed again, confirmation letter and all.
 */
export type ManualRenewalFlow = "RENEW_NOW" | "ORDER";

export function manualRenewalFlow(certificateType: CertificateType): ManualRenewalFlow {
  return needsOrganizationReview(certificateType) ? "ORDER" : "RENEW_NOW";
}

/**
 * Manual renewal: the same pipeline as auto-renewal, paid at once, for a certificate
 * within 30 days of expiry whose auto-renewal is off or was terminated. The same window
 * holds for both flows; each refuses the certificates the other one renews. `renewalOrderOpen`:
 * an order renewing this certificate is paid and not yet issued, canceled or timed out.
 */
export function manualRenewalFailures(
  facts: EligibilityFacts & { renewalOrderOpen?: boolean },
  hasPrice: boolean,
  now: Date,
  flow: ManualRenewalFlow = "RENEW_NOW",
): ManualRenewalFailure[] {
  const failures: ManualRenewalFailure[] = [];
  if (facts.source === "UPLOADED") failures.push("UPLOADED");
  else if (facts.source !== "PURCHASED") failures.push("NOT_PAID");
  if (manualRenewalFlow(facts.certificateType) !== flow) {
    failures.push(flow === "RENEW_NOW" ? "NEEDS_ORGANIZATION_REVIEW" : "RENEWS_WITHOUT_ORDER");
  } else if (!hasPrice) failures.push("NO_PRICE");
  if (facts.validityYears !== 1) failures.push("NOT_ONE_YEAR");
  if (facts.status !== "ISSUED" || !facts.expiresAt) failures.push("NOT_ISSUED");
  else if (facts.expiresAt.getTime() <= now.getTime()) failures.push("EXPIRED");
  else if (facts.expiresAt.getTime() - now.getTime() > DEDUCT_DAYS_BEFORE_EXPIRY * 86_400_000)
    failures.push("TOO_EARLY");
  if (facts.renewalOrderOpen) failures.push("RENEWAL_ORDER_OPEN");
  else if (facts.renewalUnderWay) failures.push("RENEWAL_UNDER_WAY");
  else if (facts.autoRenewState === "ON") failures.push("AUTO_RENEW_ON");
  return failures;
}

// Step 1 of the renewal job, as a pure decision over one claimed batch: which
// certificates are charged, which end their auto-renewal and why. The caller
// applies the plan in one transaction.
import type { AutoRenewEndReason, CertificateType, DomainType } from "@/lib/generated/prisma/enums";
import { deductionTime } from "@/lib/renewal/auto-renew-rules";

export type DueCertificate = {
  id: string;
  ownerId: string;
  brand: string;
  certificateType: CertificateType;
  domainType: DomainType;
  validityYears: number;
  expiresAt: Date;
};

export type PriceQuote = { priceMinor: number; currency: string; autoRenewSupported: boolean };

export type AccountState = { accountId: string; balanceMinor: number; currency: string };

export type PlannedDeduction = {
  certificate: DueCertificate;
  accountId: string;
  feeMinor: number;
  currency: string;
  balanceAfterMinor: number;
};

export type PlannedTermination = { certificate: DueCertificate; reason: AutoRenewEndReason };

export type DeductionPlan = { deductions: PlannedDeduction[]; terminations: PlannedTermination[] };

/**
 * Earliest deduction first, per account: a fee is charged only if the balance left
 * covers it whole (no partial charges, never below zero); otherwise auto-renewal
 * ends for that certificate. A certificate already expired ends without a charge.
 */
export function planDeductions(
  due: readonly DueCertificate[],
  priceFor: (certificate: DueCertificate) => PriceQuote | undefined,
  accounts: ReadonlyMap<string, AccountState>,
  now: Date,
): DeductionPlan {
  const plan: DeductionPlan = { deductions: [], terminations: [] };
  const remaining = new Map([...accounts].map(([ownerId, account]) => [ownerId, account.balanceMinor]));
  const ordered = [...due].sort(
    (a, b) => deductionTime(a.expiresAt).getTime() - deductionTime(b.expiresAt).getTime() || a.id.localeCompare(b.id),
  );
  for (const certificate of ordered) {
    if (certificate.expiresAt.getTime() <= now.getTime()) {
      plan.terminations.push({ certificate, reason: "EXPIRED_BEFORE_DEDUCTION" });
      continue;
    }
    const price = priceFor(certificate);
    const account = accounts.get(certificate.ownerId);
    if (
      !price?.autoRenewSupported ||
      certificate.validityYears !== 1 ||
      !account ||
      account.currency !== price.currency
    ) {
      plan.terminations.push({ certificate, reason: "NOT_ELIGIBLE" });
      continue;
    }
    const balance = remaining.get(certificate.ownerId) ?? 0;
    if (balance < price.priceMinor) {
      plan.terminations.push({ certificate, reason: "INSUFFICIENT_BALANCE" });
      continue;
    }
    const balanceAfterMinor = balance - price.priceMinor;
    remaining.set(certificate.ownerId, balanceAfterMinor);
    plan.deductions.push({
      certificate,
      accountId: account.accountId,
      feeMinor: price.priceMinor,
      currency: price.currency,
      balanceAfterMinor,
    });
  }
  return plan;
}

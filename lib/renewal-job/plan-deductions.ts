// Step 1 of the renewal job, as a pure decision over one claimed batch: which
// certificates are charged, which end their auto-renewal and why. Each account's
// fees are planned by the one fee rule (planRenewalFees) the views predict with; the
// caller applies the plan in one transaction.
import type { AutoRenewEndReason, CertificateType, DomainType } from "@/lib/generated/prisma/enums";
import { type PlannedRenewalFee, planRenewalFees, type RenewalFeeCandidate } from "@/lib/renewal/plan-renewal-fees";

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

type Candidate = RenewalFeeCandidate & { certificate: DueCertificate };

/**
 * The fees due now, per account, by planRenewalFees: a fee is charged only if the
 * balance left covers it whole (no partial charges, never below zero); otherwise
 * auto-renewal ends for that certificate, as it does without a charge for one that
 * has expired or is not eligible. Linear in the batch (claimed in the job's order).
 */
export function planDeductions(
  due: readonly DueCertificate[],
  priceFor: (certificate: DueCertificate) => PriceQuote | undefined,
  accounts: ReadonlyMap<string, AccountState>,
  now: Date,
): DeductionPlan {
  const byOwner = new Map<string, Candidate[]>();
  for (const certificate of due) {
    const candidate: Candidate = {
      certificateId: certificate.id,
      expiresAt: certificate.expiresAt,
      validityYears: certificate.validityYears,
      price: priceFor(certificate),
      certificate,
    };
    const owned = byOwner.get(certificate.ownerId);
    if (owned) owned.push(candidate);
    else byOwner.set(certificate.ownerId, [candidate]);
  }
  const plan: DeductionPlan = { deductions: [], terminations: [] };
  for (const [ownerId, candidates] of byOwner) {
    const account = accounts.get(ownerId);
    for (const fee of planRenewalFees({ now, until: now, account, candidates }).fees) {
      if (fee.outcome !== "COVERED")
        plan.terminations.push({ certificate: fee.candidate.certificate, reason: fee.outcome });
      // A covered fee always has its account: without one, nothing is eligible.
      else if (account) plan.deductions.push(deduction(fee, account));
    }
  }
  return plan;
}

function deduction(fee: PlannedRenewalFee<Candidate>, account: AccountState): PlannedDeduction {
  return {
    certificate: fee.candidate.certificate,
    accountId: account.accountId,
    feeMinor: fee.feeMinor,
    currency: fee.currency,
    balanceAfterMinor: fee.balanceAfterMinor,
  };
}

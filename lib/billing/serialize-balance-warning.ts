import type { BalanceWarning } from "@/lib/billing/build-balance-warning";

export type BalanceWarningDto = {
  dueMinor: number;
  balanceMinor: number;
  missingMinor: number;
  currency: string;
  atRisk: { certificateId: string; domain: string; deductAt: string; feeMinor: number }[];
};

/** JSON-safe form (ISO dates) shared by the server prefetch and the data route. */
export function serializeBalanceWarning(warning: BalanceWarning | null): BalanceWarningDto | null {
  if (!warning) return null;
  return {
    dueMinor: warning.dueMinor,
    balanceMinor: warning.balanceMinor,
    missingMinor: warning.missingMinor,
    currency: warning.currency,
    atRisk: warning.atRisk.map((deduction) => ({
      certificateId: deduction.certificateId,
      domain: deduction.domain,
      deductAt: deduction.deductAt.toISOString(),
      feeMinor: deduction.feeMinor,
    })),
  };
}

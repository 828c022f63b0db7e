import type { DueTotals } from "@/lib/admin/get-admin-overview";

/** The overview's due figures over every currency: renewals, the accounts they are in, those at risk. Pure. */
export function sumDueTotals(due: readonly DueTotals[]): {
  certificateCount: number;
  accountCount: number;
  atRiskCount: number;
} {
  return {
    certificateCount: due.reduce((sum, row) => sum + row.certificateCount, 0),
    accountCount: due.reduce((sum, row) => sum + row.accountCount, 0),
    atRiskCount: due.reduce((sum, row) => sum + row.atRiskCount, 0),
  };
}

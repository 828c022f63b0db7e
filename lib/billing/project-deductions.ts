// Which upcoming renewal fees the balance covers. Pure: deductions are taken in the
// order the job takes them (earliest deduction time first) from the balance as it is now.

export type UpcomingDeduction = {
  certificateId: string;
  domain: string;
  deductAt: Date;
  feeMinor: number;
  currency: string;
};

export type ProjectedDeduction = UpcomingDeduction & {
  /** Whether the balance still holds this fee when its turn comes. */
  covered: boolean;
  /** Balance left after this deduction (unchanged when it is not covered: no partial charges). */
  balanceAfterMinor: number;
};

export function projectDeductions(
  balanceMinor: number,
  deductions: readonly UpcomingDeduction[],
): ProjectedDeduction[] {
  const ordered = [...deductions].sort(
    (a, b) => a.deductAt.getTime() - b.deductAt.getTime() || a.certificateId.localeCompare(b.certificateId),
  );
  let remaining = balanceMinor;
  // A fee that does not fit is not charged, and a later, smaller one may still fit:
  // the job tries each certificate on its own.
  return ordered.map((deduction) => {
    const covered = remaining >= deduction.feeMinor;
    if (covered) remaining -= deduction.feeMinor;
    return { ...deduction, covered, balanceAfterMinor: remaining };
  });
}

export type BalanceWarning = {
  /** Sum of the fees due within the window. */
  dueMinor: number;
  balanceMinor: number;
  /** How much to top up so every fee in the window is covered. */
  missingMinor: number;
  currency: string;
  atRisk: ProjectedDeduction[];
};

/** The console's warning: fees due within `until` exceed the balance. Null when covered. */
export function balanceWarning(
  balanceMinor: number,
  currency: string,
  deductions: readonly UpcomingDeduction[],
  until: Date,
): BalanceWarning | null {
  const due = deductions.filter((deduction) => deduction.deductAt.getTime() <= until.getTime());
  const dueMinor = due.reduce((sum, deduction) => sum + deduction.feeMinor, 0);
  if (dueMinor <= balanceMinor) return null;
  const atRisk = projectDeductions(balanceMinor, due).filter((deduction) => !deduction.covered);
  return { dueMinor, balanceMinor, missingMinor: dueMinor - balanceMinor, currency, atRisk };
}

// The bounds of one balance adjustment, shared by the dialog, its schema and the use case.
// No zod here: the dialog's page loads this at once, the schema only when it submits.

export const ADJUSTMENT_DIRECTIONS = ["CREDIT", "DEBIT"] as const;
export type AdjustmentDirection = (typeof ADJUSTMENT_DIRECTIONS)[number];
/** The largest single credit or debit, in minor units (1,000,000.00 in a two-decimal currency). */
export const MAX_ADJUSTMENT_MINOR = 100_000_000;
export const MAX_REASON_LENGTH = 500;

// Limits on one top-up, shared by the dialog (as you type), the server action and
// the use case (the last word). Pure.
import { minorDigits, parseMajorAmount } from "@/lib/money";

export const TOP_UP_MIN_MAJOR = 1;
export const TOP_UP_MAX_MAJOR = 100_000;

export type TopUpAmountProblem = "INVALID" | "TOO_SMALL" | "TOO_LARGE";

export function topUpLimitsMinor(currency: string): { minMinor: number; maxMinor: number } {
  const scale = 10 ** minorDigits(currency);
  return { minMinor: TOP_UP_MIN_MAJOR * scale, maxMinor: TOP_UP_MAX_MAJOR * scale };
}

/** What is wrong with this amount of minor units, or null when it may be topped up. */
export function topUpAmountProblem(amountMinor: number | null, currency: string): TopUpAmountProblem | null {
  if (amountMinor === null || !Number.isSafeInteger(amountMinor)) return "INVALID";
  const { minMinor, maxMinor } = topUpLimitsMinor(currency);
  if (amountMinor < minMinor) return "TOO_SMALL";
  if (amountMinor > maxMinor) return "TOO_LARGE";
  return null;
}

export type ParsedTopUpAmount = { ok: true; amountMinor: number } | { ok: false; problem: TopUpAmountProblem };

/** "150" or "150.50" as typed → minor units within the limits, or why not. */
export function parseTopUpAmount(input: string, currency: string): ParsedTopUpAmount {
  const amountMinor = parseMajorAmount(input, currency);
  const problem = topUpAmountProblem(amountMinor, currency);
  return problem || amountMinor === null ? { ok: false, problem: problem ?? "INVALID" } : { ok: true, amountMinor };
}

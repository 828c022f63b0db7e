// Money is an integer count of minor units (cents) plus an ISO 4217 currency.
export type Money = { amountMinor: number; currency: string };

const MINOR_DIGITS: Record<string, number> = { JPY: 0, KRW: 0 };

export function minorDigits(currency: string): number {
  return MINOR_DIGITS[currency] ?? 2;
}

// An Intl.NumberFormat costs far more to make than to use, and a page formats dozens of
// amounts (a ledger, a forecast): one per locale and currency, kept for the process.
const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string, locale: string): Intl.NumberFormat {
  const key = `${locale} ${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    const digits = minorDigits(currency);
    format = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    moneyFormats.set(key, format);
  }
  return format;
}

export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  return moneyFormat(currency, locale).format(amountMinor / 10 ** minorDigits(currency));
}

/** "12.34" → 1234; rejects more decimals than the currency has, signs and junk. */
export function parseMajorAmount(input: string, currency: string): number | null {
  const digits = minorDigits(currency);
  const match = /^(\d{1,9})(?:[.,](\d+))?$/.exec(input.trim());
  if (!match) return null;
  const fraction = match[2] ?? "";
  if (fraction.length > digits) return null;
  return Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
}

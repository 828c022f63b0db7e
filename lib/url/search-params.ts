// List filters as they appear in URLs, read without zod so client components can use
// them: the server reads the same URLs with zod schemas (the *-list-params.ts modules),
// and each *-list-query.test.ts checks that both readings agree on good and bad input.
// Like those schemas, a bad value in a hand-edited URL falls back instead of failing.

export type SearchInput = Record<string, string | string[] | undefined> | URLSearchParams;

/** The first value of each non-empty parameter, from a page's searchParams or a URL. */
export function firstValues(input: SearchInput): Record<string, string> {
  const record: Record<string, string> = {};
  const entries = input instanceof URLSearchParams ? input.entries() : Object.entries(input);
  for (const [key, value] of entries) {
    const single = Array.isArray(value) ? value[0] : value;
    // NUL cannot reach the database (lib/text/storable-text.ts): such a value counts as absent.
    if (single !== undefined && single !== "" && !single.includes("\u0000") && !(key in record)) record[key] = single;
  }
  return record;
}

/** A URL query from these values, leaving out empty ones and the given defaults. */
export function queryString(
  values: Record<string, string | number | undefined>,
  defaults: Record<string, string | number> = {},
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined || value === "" || defaults[key] === value) continue;
    query.set(key, String(value));
  }
  return query.toString();
}

/** One of the allowed values, else undefined. */
export function oneOf<T extends string>(value: string | undefined, allowed: readonly T[]): T | undefined {
  return (allowed as readonly string[]).includes(value ?? "") ? (value as T) : undefined;
}

/** Trimmed text up to maxLength characters; longer text is dropped, not cut. */
export function trimmedText(value: string | undefined, maxLength: number): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  return trimmed.length <= maxLength ? trimmed : undefined;
}

/** A whole number in [min, max] as JavaScript's Number() reads it, else the fallback. */
export function integerIn(value: string | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  return Number.isInteger(number) && number >= min && number <= max ? number : fallback;
}

/** One of the allowed numbers as Number() reads the value, else the fallback. */
export function numberOneOf<T extends number>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  const number = Number(value);
  return (allowed as readonly number[]).includes(number) ? (number as T) : fallback;
}

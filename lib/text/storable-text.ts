// PostgreSQL text cannot hold U+0000 (NUL): a query or insert carrying one fails with a
// database error instead of finding or storing nothing. Boundaries check input for it,
// so such a value is refused (or simply "not found") like any other bad value.

export function isStorableText(value: string): boolean {
  return !value.includes("\u0000");
}

/** An id from a URL that could be one of ours; anything else is answered "not found" without a query. */
export function isLookupId(id: string): boolean {
  return id.length <= 64 && isStorableText(id);
}

/** The path ("a.0.b"; "" for the value itself) of the first string in `value` that cannot be stored, else null. */
export function findUnstorableText(value: unknown, path: string[] = [], seen = new Set<object>()): string | null {
  if (typeof value === "string") return isStorableText(value) ? null : path.join(".");
  if (typeof value !== "object" || value === null || seen.has(value)) return null;
  seen.add(value);
  const entries = value instanceof Map ? [...value.entries()] : Object.entries(value);
  for (const [key, item] of entries) {
    if (typeof key === "string" && !isStorableText(key)) return [...path, key].join(".");
    const found = findUnstorableText(item, [...path, String(key)], seen);
    if (found !== null) return found;
  }
  return null;
}

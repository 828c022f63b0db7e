// DNS names compare case-insensitively and may be written with the root's trailing
// dot; every comparison in CertDesk goes through this one spelling. Pure.

const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;

/**
 * Lower-case, trimmed, without a trailing dot. Throws RangeError unless the result is
 * a host name (letters, digits, hyphens; underscores for service labels such as
 * `_dnsauth`), at most 253 characters, optionally with `*` as its whole leftmost label.
 */
export function normalizeDomainName(name: string): string {
  const normalized = name.trim().toLowerCase().replace(/\.$/, "");
  const labels = normalized.split(".");
  const problem =
    normalized.length === 0
      ? "is empty"
      : normalized.length > 253
        ? "is longer than 253 characters"
        : labels.some((label, index) => !(LABEL.test(label) || (index === 0 && label === "*" && labels.length > 1)))
          ? "has an empty or invalid label"
          : /^[0-9]+$/.test(labels.at(-1) as string)
            ? "looks like an IP address"
            : undefined;
  if (problem) throw new RangeError(`"${name}" is not a valid domain name: it ${problem}`);
  return normalized;
}

/** The name a wildcard stands for the subdomains of (`*.example.com` → `example.com`). */
export function wildcardBase(normalizedName: string): string {
  return normalizedName.startsWith("*.") ? normalizedName.slice(2) : normalizedName;
}

// The one rule for reading X-Forwarded-For and X-Forwarded-Proto behind TRUST_PROXY=N
// reverse proxies. Each proxy appends what it saw of the hop before it (the address it was
// connected from, the protocol it was reached by), so the Nth entry from the right is what
// the outermost of our proxies saw of the client; entries further left were written by the
// client and prove nothing. A list shorter than N (a proxy that replaces rather than
// appends, or fewer proxies than configured) yields its leftmost entry. Pure.

export function trustedForwardedEntry(list: string | null, trustedProxies: number): string | null {
  if (trustedProxies < 1 || !list) return null;
  const entries = list
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries[Math.max(0, entries.length - trustedProxies)] ?? null;
}

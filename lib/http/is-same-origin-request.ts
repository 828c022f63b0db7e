// Server actions are POST endpoints any page on the web could target. Next.js refuses a
// cross-site call itself, but with a 500 ("Invalid Server Actions request"); checking the
// same rule first lets the proxy answer 403 and log who tried. Pure.

/**
 * True when the request's Origin names this host: the Host header, or X-Forwarded-Host
 * behind a reverse proxy (the same rule Next.js applies). A missing or opaque ("null")
 * Origin is not same-origin: browsers send a real one with every POST they make for us.
 */
export function isSameOriginRequest(headers: {
  origin: string | null;
  host: string | null;
  forwardedHost: string | null;
}): boolean {
  if (!headers.origin || headers.origin === "null") return false;
  let originHost: string;
  try {
    originHost = new URL(headers.origin).host;
  } catch {
    return false;
  }
  const expected = (headers.forwardedHost?.split(",")[0] ?? headers.host)?.trim().toLowerCase();
  return Boolean(expected) && originHost.toLowerCase() === expected;
}

// The caller's address. Next.js fills X-Forwarded-For with the socket address when
// no proxy did; behind a reverse proxy the last entry is the one that proxy added,
// so the rightmost value is the one a client cannot choose.
export function clientIpFrom(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  const last = forwarded?.split(",").at(-1)?.trim();
  return last || headers.get("x-real-ip")?.trim() || "unknown";
}

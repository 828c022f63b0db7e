import "server-only";
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { resolveRecords } from "@/lib/dns/lookup-txt";

/**
 * The IPv4 and IPv6 addresses of a host, asked of `resolver` ("host:port", DNS_RESOLVER)
 * when one is configured, else of the system. Going through the same resolver as the TXT
 * checks lets a test or the demo answer for a "third-party" site. Empty when the name has
 * no address; throws DnsLookupError when the lookup itself fails.
 */
export async function resolveHostAddresses(
  host: string,
  options: { resolver?: string; timeoutMs: number },
): Promise<string[]> {
  if (isIP(host)) return [host];
  if (!options.resolver) {
    const answers = await lookup(host, { all: true, verbatim: true });
    return answers.map((answer) => answer.address);
  }
  const [v4, v6] = await Promise.all([resolveRecords(host, "A", options), resolveRecords(host, "AAAA", options)]);
  return [...(v4 ?? []), ...(v6 ?? [])];
}

// What a customer may add to DNS hosting: a registrable-looking domain name, typed as
// they like (case, trailing dot, a pasted URL's scheme or path are not accepted). Pure,
// shared by the form and the use case.
import { normalizeDomainName } from "@/lib/dns/normalize-domain-name";

export type HostedZoneNameProblem = "INVALID" | "WILDCARD" | "SINGLE_LABEL" | "SERVICE_LABEL";

export type HostedZoneNameCheck = { ok: true; name: string } | { ok: false; problem: HostedZoneNameProblem };

/** The zone name in CertDesk's one spelling, or why it cannot be a hosted zone. */
export function checkHostedZoneName(input: string): HostedZoneNameCheck {
  let name: string;
  try {
    name = normalizeDomainName(input);
  } catch {
    return { ok: false, problem: "INVALID" };
  }
  if (name.startsWith("*.")) return { ok: false, problem: "WILDCARD" };
  const labels = name.split(".");
  if (labels.length < 2) return { ok: false, problem: "SINGLE_LABEL" };
  // `_dnsauth.example.com` is a record, not a zone a customer registers.
  if (labels.some((label) => label.includes("_"))) return { ok: false, problem: "SERVICE_LABEL" };
  return { ok: true, name };
}

/** Whether two zone names are the same, or one lies inside the other. */
export function zonesOverlap(a: string, b: string): boolean {
  return a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);
}

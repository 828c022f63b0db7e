// How an uploaded certificate is listed: brand, validation type and domain type, read from
// the certificate itself. Pure.
import type { CertificateType, DomainType } from "@/lib/generated/prisma/enums";

const BRAND_MAX_LENGTH = 40;

// Issuers whose organisation names are longer than the brand customers know them by. The
// issuing CA's common name often carries the brand of a product line (RapidSSL, Thawte and
// GeoTrust are DigiCert's), so it is searched before the organisation.
const KNOWN_BRANDS = [
  "DNSPod",
  "TrustAsia",
  "WoTrus",
  "GeoTrust",
  "RapidSSL",
  "Thawte",
  "DigiCert",
  "GlobalSign",
  "Sectigo",
  "Let's Encrypt",
  "ZeroSSL",
  "Entrust",
  "GoDaddy",
  "Google Trust Services",
  "Amazon",
  "Certum",
  "Buypass",
  "SSL.com",
];

export type UploadedCertificateClass = {
  brand: string;
  certificateType: CertificateType;
  domainType: DomainType;
};

/** Node's one-attribute-per-line name ("C=US\nO=Let's Encrypt\nCN=R3") as attribute → values. */
export function readNameAttributes(name: string): Map<string, string[]> {
  const attributes = new Map<string, string[]>();
  for (const line of name.split("\n")) {
    const separator = line.indexOf("=");
    if (separator <= 0) continue;
    const key = line.slice(0, separator);
    const value = unquote(line.slice(separator + 1)).trim();
    if (value) attributes.set(key, [...(attributes.get(key) ?? []), value]);
  }
  return attributes;
}

export function classifyUploadedCertificate(input: {
  issuer: string;
  subject: string;
  domain: string;
  sans: readonly string[];
  isWildcard: boolean;
}): UploadedCertificateClass {
  const issuer = readNameAttributes(input.issuer);
  const subject = readNameAttributes(input.subject);
  return {
    brand: brandOf(issuer),
    certificateType: typeOf(subject),
    domainType: domainTypeOf(input.domain, input.sans, input.isWildcard),
  };
}

function brandOf(issuer: Map<string, string[]>): string {
  const organisation = issuer.get("O")?.[0];
  // The CA's own name first: DigiCert's organisation issues for GeoTrust, RapidSSL and Thawte.
  const names = [...(issuer.get("CN") ?? []), organisation].filter((name): name is string => Boolean(name));
  for (const name of names) {
    const known = KNOWN_BRANDS.find((brand) => name.toLowerCase().includes(brand.toLowerCase()));
    if (known) return known;
  }
  return organisation ? organisation.slice(0, BRAND_MAX_LENGTH).trim() : "Other";
}

// EV certificates name the business category and the jurisdiction of incorporation; any
// other certificate with an organisation in its subject was organisation-validated.
function typeOf(subject: Map<string, string[]>): CertificateType {
  if (subject.has("businessCategory") || subject.has("jurisdictionC") || subject.has("2.5.4.15")) return "EV";
  return subject.has("O") ? "OV" : "DV";
}

// "www.example.com" with "example.com" is one site, as certificate sellers count it.
function domainTypeOf(domain: string, sans: readonly string[], isWildcard: boolean): DomainType {
  if (isWildcard) return "WILDCARD";
  const sites = new Set([domain, ...sans].map((name) => name.toLowerCase().replace(/^www\./, "")));
  return sites.size > 1 ? "MULTI" : "SINGLE";
}

function unquote(value: string): string {
  if (!value.startsWith('"')) return value;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === "string" ? parsed : value;
  } catch {
    return value;
  }
}

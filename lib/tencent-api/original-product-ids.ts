// CreateCertificate's ProductId: the original's package codes (its SDK documents them), for
// the brands and kinds CertDesk's catalogue can hold. A code names a kind of certificate, not
// a price: the admin's catalogue (Price) decides whether it is sold here and what it costs.
// Codes of kinds the catalogue has no place for (SM2 "国密" certificates, wildcard
// multi-domain, OV Pro/EV Pro) are not listed: CreateCertificate refuses them.
import type { CertificateType, DomainType } from "@/lib/generated/prisma/enums";

export type OriginalProductKind = { brand: string; certificateType: CertificateType; domainType: DomainType };

const kind = (brand: string, certificateType: CertificateType, domainType: DomainType) => ({
  brand,
  certificateType,
  domainType,
});

const ORIGINAL_PRODUCT_KINDS: Readonly<Record<number, OriginalProductKind>> = {
  4: kind("SecureSite", "EV", "SINGLE"),
  6: kind("SecureSite", "OV", "SINGLE"),
  7: kind("SecureSite", "OV", "WILDCARD"),
  8: kind("GeoTrust", "EV", "SINGLE"),
  9: kind("GeoTrust", "OV", "SINGLE"),
  10: kind("GeoTrust", "OV", "WILDCARD"),
  11: kind("TrustAsia", "DV", "MULTI"),
  12: kind("TrustAsia", "DV", "WILDCARD"),
  13: kind("TrustAsia", "OV", "WILDCARD"),
  14: kind("TrustAsia", "OV", "SINGLE"),
  15: kind("TrustAsia", "OV", "MULTI"),
  16: kind("TrustAsia", "EV", "SINGLE"),
  17: kind("TrustAsia", "EV", "MULTI"),
  18: kind("GlobalSign", "OV", "SINGLE"),
  19: kind("GlobalSign", "OV", "WILDCARD"),
  20: kind("GlobalSign", "EV", "SINGLE"),
  22: kind("GlobalSign", "OV", "MULTI"),
  24: kind("GlobalSign", "EV", "MULTI"),
  25: kind("WoTrus", "DV", "SINGLE"),
  26: kind("WoTrus", "DV", "MULTI"),
  27: kind("WoTrus", "DV", "WILDCARD"),
  28: kind("WoTrus", "OV", "SINGLE"),
  29: kind("WoTrus", "OV", "MULTI"),
  30: kind("WoTrus", "OV", "WILDCARD"),
  31: kind("WoTrus", "EV", "SINGLE"),
  32: kind("WoTrus", "EV", "MULTI"),
  43: kind("DNSPod", "OV", "SINGLE"),
  44: kind("DNSPod", "OV", "WILDCARD"),
  45: kind("DNSPod", "OV", "MULTI"),
  46: kind("DNSPod", "EV", "SINGLE"),
  47: kind("DNSPod", "EV", "MULTI"),
  48: kind("DNSPod", "DV", "SINGLE"),
  49: kind("DNSPod", "DV", "WILDCARD"),
  50: kind("DNSPod", "DV", "MULTI"),
  58: kind("SecureSite", "OV", "MULTI"),
  60: kind("SecureSite", "EV", "MULTI"),
  61: kind("GeoTrust", "EV", "MULTI"),
  102: kind("Rapid", "DV", "SINGLE"),
  103: kind("Rapid", "DV", "WILDCARD"),
  104: kind("TrustAsia", "DV", "SINGLE"),
};

/** The kind of certificate an original ProductId names, or null for a code CertDesk does not sell. */
export function originalProductKind(productId: number): OriginalProductKind | null {
  return ORIGINAL_PRODUCT_KINDS[productId] ?? null;
}

// Names and database keys of the built-in CA: one local root, one intermediate per
// brand, so a renewed "DNSPod" certificate chains to a "CertDesk DNSPod DV CA".

export const ROOT_CA_KEY = "root";
export const ROOT_CA_COMMON_NAME = "CertDesk Local Root CA";
export const CA_ORGANIZATION = "CertDesk";
export const ROOT_VALIDITY_YEARS = 20;
export const INTERMEDIATE_VALIDITY_YEARS = 10;

// Brand is VarChar(40) in the schema; control characters have no place in a DN.
const MAX_BRAND_LENGTH = 40;

/** The brand as stored, or RangeError when it cannot name a CA. */
export function normalizeBrand(brand: string): string {
  const trimmed = brand.trim();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  if (trimmed.length === 0 || trimmed.length > MAX_BRAND_LENGTH || /[\u0000-\u001f\u007f]/.test(trimmed)) {
    throw new RangeError(`"${brand}" is not a usable brand name (1-${MAX_BRAND_LENGTH} printable characters)`);
  }
  return trimmed;
}

/** "intermediate:<brand>", the CertificateAuthority.key of the brand's intermediate. */
export function intermediateCaKey(brand: string): string {
  return `intermediate:${normalizeBrand(brand)}`;
}

/** Every certificate the built-in CA issues is domain-validated, whatever the brand sells. */
export function intermediateCommonName(brand: string): string {
  return `CertDesk ${normalizeBrand(brand)} DV CA`;
}

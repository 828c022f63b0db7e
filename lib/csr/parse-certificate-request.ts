import "server-only";
import { createPublicKey, type KeyObject } from "node:crypto";
import { x509 } from "@/lib/ca/x509";
import { type CsrProblem, MAX_CSR_BYTES } from "@/lib/csr/csr-problems";
import type { KeyAlgorithm } from "@/lib/generated/prisma/enums";
import { normalizeOrderName } from "@/lib/orders/check-order-names";
import { decodePemText } from "@/lib/pem/decode-pem-text";
import { encodePem } from "@/lib/pem/encode-pem";

export type ParsedCertificateRequest = {
  /** The request re-encoded as one clean PEM block: what is stored. */
  csrPem: string;
  keyAlgorithm: KeyAlgorithm;
  /** SubjectPublicKeyInfo (DER): the key the certificate is issued for. */
  publicKeySpki: Uint8Array<ArrayBuffer>;
  /** The DNS names it asks for (CN and SAN), normalised, each once. */
  names: string[];
};

type Refusal = { ok: false; problem: CsrProblem };
export type ParseCertificateRequestResult = { ok: true; value: ParsedCertificateRequest } | Refusal;

const CSR_LABELS = new Set(["CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST"]);
const CERTIFICATE_LABELS = new Set(["CERTIFICATE", "TRUSTED CERTIFICATE", "X509 CERTIFICATE"]);
const RSA_SIZES: Record<number, KeyAlgorithm> = { 2048: "RSA_2048", 3072: "RSA_3072", 4096: "RSA_4096" };
// The curves browsers negotiate and public CAs issue for (P-521 is not offered by Chrome).
const CURVES: Record<string, KeyAlgorithm> = { prime256v1: "ECDSA_P256", secp384r1: "ECDSA_P384" };
const CURVE_NAMES: Record<string, string> = { prime256v1: "P-256", secp384r1: "P-384", secp521r1: "P-521" };
const KEY_TYPE_NAMES: Record<string, string> = { dsa: "DSA", ed25519: "Ed25519", ed448: "Ed448", "rsa-pss": "RSA-PSS" };
const MIN_RSA_BITS = 2048;
// Baseline Requirements 6.1.6: an odd exponent, and in practice 65537; e = 3 keys are refused.
const MIN_RSA_EXPONENT = 65_537n;

const fail = (code: CsrProblem["code"], params: CsrProblem["params"] = {}): Refusal => ({
  ok: false,
  problem: { code, params },
});

/**
 * Reads a PKCS#10 certificate signing request as a public CA would: one PEM block of
 * the right type, a key public CAs accept (RSA 2048/3072/4096 with exponent 65537, or
 * ECDSA P-256/P-384), a valid self-signature, and the DNS names it asks for. Each refusal
 * is one precise problem. The names are checked against an order by csrNameProblem.
 */
export async function parseCertificateRequest(text: string): Promise<ParseCertificateRequestResult> {
  const decoded = decodePemText({
    text,
    maxBytes: MAX_CSR_BYTES,
    derConversionCommand: "openssl req -inform DER -in request.csr -out request.pem",
  });
  if (!decoded.ok) {
    if (decoded.code === "EMPTY") return fail("CSR_EMPTY");
    if (decoded.code === "TOO_LARGE") return fail("CSR_TOO_LARGE", { maxBytes: MAX_CSR_BYTES });
    if (decoded.code === "NOT_TEXT") return fail("CSR_NOT_TEXT");
    if (decoded.code === "DER_NOT_PEM") return fail("CSR_DER", decoded.params);
    return fail("CSR_MALFORMED");
  }
  const [block, ...others] = decoded.blocks;
  if (!block) return fail("CSR_MALFORMED");
  if (!CSR_LABELS.has(block.label)) {
    if (CERTIFICATE_LABELS.has(block.label)) return fail("CSR_IS_CERTIFICATE");
    if (block.label.endsWith("PRIVATE KEY")) return fail("CSR_IS_PRIVATE_KEY");
    return fail("CSR_FOREIGN_PEM", { label: block.label });
  }
  if (others.length > 0) return fail("CSR_MULTIPLE", { count: decoded.blocks.length });

  let request: x509.Pkcs10CertificateRequest;
  try {
    request = new x509.Pkcs10CertificateRequest(new Uint8Array(block.der));
  } catch {
    return fail("CSR_MALFORMED");
  }
  const publicKeySpki = new Uint8Array(request.publicKey.rawData);
  let key: KeyObject;
  try {
    key = createPublicKey({ key: Buffer.from(publicKeySpki), format: "der", type: "spki" });
  } catch {
    return fail("CSR_MALFORMED");
  }
  const keyAlgorithm = acceptedKeyAlgorithm(key);
  if (!keyAlgorithm.ok) return keyAlgorithm;

  let signed = false;
  try {
    signed = await request.verify();
  } catch {
    signed = false;
  }
  if (!signed) return fail("CSR_SIGNATURE_INVALID");

  const names = requestedNames(request);
  if (names.length === 0) return fail("CSR_NO_NAMES");
  return {
    ok: true,
    value: {
      csrPem: encodePem("CERTIFICATE REQUEST", block.der),
      keyAlgorithm: keyAlgorithm.value,
      publicKeySpki,
      names,
    },
  };
}

function acceptedKeyAlgorithm(key: KeyObject): { ok: true; value: KeyAlgorithm } | Refusal {
  const type = key.asymmetricKeyType ?? "unknown";
  const details = key.asymmetricKeyDetails ?? {};
  if (type === "rsa") {
    const bits = details.modulusLength ?? 0;
    if (bits < MIN_RSA_BITS) return fail("CSR_RSA_TOO_WEAK", { bits, minBits: MIN_RSA_BITS });
    const algorithm = RSA_SIZES[bits];
    if (!algorithm) return fail("CSR_RSA_SIZE_UNSUPPORTED", { bits });
    const exponent = details.publicExponent ?? 0n;
    if (exponent < MIN_RSA_EXPONENT || exponent % 2n === 0n) {
      return fail("CSR_RSA_EXPONENT", { exponent: exponent.toString() });
    }
    return { ok: true, value: algorithm };
  }
  if (type === "ec") {
    const curve = details.namedCurve ?? "unknown";
    const algorithm = CURVES[curve];
    if (!algorithm) return fail("CSR_CURVE_UNSUPPORTED", { curve: CURVE_NAMES[curve] ?? curve });
    return { ok: true, value: algorithm };
  }
  const keyType = KEY_TYPE_NAMES[type] ?? type.toUpperCase();
  return fail("CSR_KEY_TYPE_UNSUPPORTED", { keyType });
}

/** CN values and SAN entries; DNS names in the CA's spelling, anything else as written ("IP 192.0.2.1"). */
function requestedNames(request: x509.Pkcs10CertificateRequest): string[] {
  const names: string[] = [];
  const add = (name: string) => {
    if (name && !names.includes(name)) names.push(name);
  };
  const dnsName = (value: string) => {
    const normalized = normalizeOrderName(value);
    return normalized.ok ? normalized.name : value.trim().toLowerCase();
  };
  for (const commonName of request.subjectName.getField("CN")) add(dnsName(commonName));
  for (const extension of request.extensions) {
    if (!(extension instanceof x509.SubjectAlternativeNameExtension)) continue;
    for (const item of extension.names.items) {
      if (item.type === "dns") add(dnsName(item.value));
      else if (item.type === "ip") add(`IP ${item.value}`);
      else add(`${item.type.toUpperCase()} ${item.value}`);
    }
  }
  return names;
}

/** Null when the CSR asks for exactly the names the certificate will cover; else what is missing and extra. */
export function csrNameProblem(requested: readonly string[], covered: readonly string[]): CsrProblem | null {
  const missing = covered.filter((name) => !requested.includes(name));
  const extra = requested.filter((name) => !covered.includes(name));
  if (missing.length === 0 && extra.length === 0) return null;
  return {
    code: "CSR_NAMES_MISMATCH",
    params: {
      missing: missing.join(", "),
      extra: extra.join(", "),
      missingCount: missing.length,
      extraCount: extra.length,
    },
  };
}

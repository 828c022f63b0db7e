import { createHash, type KeyObject, X509Certificate } from "node:crypto";
import { decodePemText, type PemBlock } from "@/lib/pem/decode-pem-text";
import { describePublicKey, type KeyAlgorithmName } from "@/lib/pem/describe-public-key";
import { encodePem } from "@/lib/pem/encode-pem";
import { type ChainCertificate, isSelfIssued, orderCertificateChain } from "@/lib/pem/order-certificate-chain";
import { readCertificateNames } from "@/lib/pem/read-certificate-names";
import { readPrivateKey } from "@/lib/pem/read-private-key";
import {
  UPLOAD_FIELDS,
  type UploadedCertificateError,
  type UploadedCertificateWarning,
  type UploadField,
} from "@/lib/pem/uploaded-certificate-errors";

export {
  UPLOAD_FIELDS,
  UPLOADED_CERTIFICATE_ERROR_CODES,
  UPLOADED_CERTIFICATE_WARNING_CODES,
  type UploadedCertificateError,
  type UploadedCertificateErrorCode,
  type UploadedCertificateWarning,
  type UploadedCertificateWarningCode,
  type UploadField,
} from "@/lib/pem/uploaded-certificate-errors";

// A certificate is 1–2 KiB and a chain a few of them; anything near this is not a certificate.
export const MAX_FIELD_BYTES = 64 * 1024;
// Real chains have 1–3 certificates; the limit bounds the signature checks an upload can cause.
export const MAX_CHAIN_CERTIFICATES = 10;

const CERTIFICATE_LABEL = "CERTIFICATE";
const CERTIFICATE_DER_COMMAND = "openssl x509 -inform der -in certificate.der -out certificate.pem";
const KEY_DER_COMMAND = "openssl pkey -inform der -in private.key -out private.pem";

export type ParseUploadedCertificateInput = {
  certificatePem: string;
  chainPem?: string;
  privateKeyPem?: string;
  now: Date;
};

export type ParsedUploadedCertificate = {
  domain: string;
  sans: string[];
  notBefore: Date;
  notAfter: Date;
  issuer: string;
  subject: string;
  // Upper-case hex, as OpenSSL prints it.
  serialNumber: string;
  // Lower-case hex of the SHA-256 of the DER, without separators (64 characters).
  fingerprintSha256: string;
  keyAlgorithm: KeyAlgorithmName;
  isWildcard: boolean;
  certificatePem: string;
  // Leaf's issuer first; null when no chain was given.
  chainPem: string | null;
  // PKCS#8; null when no key was given.
  privateKeyPem: string | null;
  warnings: UploadedCertificateWarning[];
};

export type ParseUploadedCertificateResult =
  | { ok: true; value: ParsedUploadedCertificate }
  | { ok: false; errors: UploadedCertificateError[] };

/**
 * Checks a customer's own ("hosted") certificate, its chain and private key before CertDesk
 * stores them, and normalises them. Every problem found is reported, each with its field and
 * a stable code, so the form can show them all at once; checks that need an earlier step to
 * have succeeded (the key against the certificate, the chain against the leaf) run only then.
 */
export function parseUploadedCertificate(input: ParseUploadedCertificateInput): ParseUploadedCertificateResult {
  const errors: UploadedCertificateError[] = [];
  const warnings: UploadedCertificateWarning[] = [];
  const fail = (field: UploadField, code: UploadedCertificateError["code"], params = {}) => {
    errors.push({ field, code, params });
  };

  const leaf = readLeaf(input.certificatePem, fail);
  const leafFacts = leaf ? checkLeaf(leaf, input.now, fail) : null;
  const chain = isBlank(input.chainPem) ? null : readChain(input.chainPem ?? "", fail);
  const key = isBlank(input.privateKeyPem) ? null : readKey(input.privateKeyPem ?? "", fail);

  const orderedChain = leaf && chain ? linkChain(leaf, chain, fail, warnings) : [];
  if (leaf && orderedChain.length === 0 && !isSelfIssued(leaf)) {
    // Browsers that have not cached the intermediate will reject such a server.
    warnings.push({ field: "chain", code: "CHAIN_MISSING", params: { issuer: formatName(leaf.issuer) } });
  }
  if (leaf && key && !matches(leaf, key)) fail("privateKey", "PRIVATE_KEY_MISMATCH");

  if (errors.length > 0 || !leaf || !leafFacts) {
    // In form order, whatever order the checks ran in.
    errors.sort((a, b) => UPLOAD_FIELDS.indexOf(a.field) - UPLOAD_FIELDS.indexOf(b.field));
    return { ok: false, errors };
  }
  return {
    ok: true,
    value: {
      ...leafFacts,
      issuer: formatName(leaf.issuer),
      subject: formatName(leaf.subject),
      serialNumber: leaf.serialNumber.toUpperCase(),
      fingerprintSha256: createHash("sha256").update(leaf.raw).digest("hex"),
      certificatePem: encodePem(CERTIFICATE_LABEL, leaf.raw),
      chainPem:
        orderedChain.length > 0
          ? orderedChain.map((entry) => encodePem(CERTIFICATE_LABEL, entry.certificate.raw)).join("")
          : null,
      privateKeyPem: key ? String(key.export({ type: "pkcs8", format: "pem" })) : null,
      warnings,
    },
  };
}

type Fail = (
  field: UploadField,
  code: UploadedCertificateError["code"],
  params?: Record<string, string | number>,
) => void;

function readLeaf(text: string, fail: Fail): X509Certificate | null {
  const decoded = decodePemText({ text, maxBytes: MAX_FIELD_BYTES, derConversionCommand: CERTIFICATE_DER_COMMAND });
  if (!decoded.ok) {
    fail("certificate", decoded.code, decoded.params);
    return null;
  }
  const blocks = onlyCertificates(decoded.blocks, "certificate", fail);
  if (!blocks) return null;
  if (blocks.length > 1) {
    fail("certificate", "CERTIFICATE_MULTIPLE", { count: blocks.length });
    return null;
  }
  const leaf = parseCertificate(blocks[0]);
  if (!leaf) fail("certificate", "CERTIFICATE_UNPARSEABLE");
  return leaf;
}

type LeafFacts = Pick<
  ParsedUploadedCertificate,
  "domain" | "sans" | "isWildcard" | "notBefore" | "notAfter" | "keyAlgorithm"
>;

function checkLeaf(leaf: X509Certificate, now: Date, fail: Fail): LeafFacts | null {
  const notBefore = parseOpenSslTime(leaf.validFrom);
  const notAfter = parseOpenSslTime(leaf.validTo);
  if (!notBefore || !notAfter) {
    fail("certificate", "CERTIFICATE_UNPARSEABLE");
    return null;
  }
  if (notAfter.getTime() <= now.getTime()) {
    fail("certificate", "CERTIFICATE_EXPIRED", { notAfter: notAfter.toISOString() });
  } else if (notBefore.getTime() > now.getTime()) {
    fail("certificate", "CERTIFICATE_NOT_YET_VALID", { notBefore: notBefore.toISOString() });
  }

  const key = describeCertificateKey(leaf);
  if (!key.ok) fail("certificate", key.code, key.params);

  // A CA certificate's name is an organisation, not a host, so "no domain" would only
  // distract from the real mistake.
  if (leaf.ca) {
    fail("certificate", "CERTIFICATE_IS_CA", { subject: formatName(leaf.subject) });
    return null;
  }
  const names = readCertificateNames(leaf);
  if (!names) {
    fail("certificate", "CERTIFICATE_UNPARSEABLE");
    return null;
  }
  if (!names.domain) {
    fail("certificate", "CERTIFICATE_NO_DOMAIN");
    return null;
  }
  if (!key.ok) return null;
  return { ...names, domain: names.domain, notBefore, notAfter, keyAlgorithm: key.keyAlgorithm };
}

function describeCertificateKey(certificate: X509Certificate): ReturnType<typeof describePublicKey> {
  try {
    return describePublicKey(certificate.publicKey);
  } catch {
    // Node cannot even load keys of algorithms OpenSSL does not know.
    return { ok: false, code: "KEY_TYPE_UNSUPPORTED", params: { keyType: "UNKNOWN" } };
  }
}

function readChain(text: string, fail: Fail): ChainCertificate[] | null {
  const decoded = decodePemText({ text, maxBytes: MAX_FIELD_BYTES, derConversionCommand: CERTIFICATE_DER_COMMAND });
  if (!decoded.ok) {
    fail("chain", decoded.code, decoded.params);
    return null;
  }
  const blocks = onlyCertificates(decoded.blocks, "chain", fail);
  if (!blocks) return null;
  if (blocks.length > MAX_CHAIN_CERTIFICATES) {
    fail("chain", "CHAIN_TOO_MANY_CERTIFICATES", { count: blocks.length, max: MAX_CHAIN_CERTIFICATES });
    return null;
  }
  const chain: ChainCertificate[] = [];
  blocks.forEach((block, index) => {
    const certificate = parseCertificate(block);
    if (certificate) chain.push({ certificate, position: index + 1 });
    else fail("chain", "CHAIN_CERTIFICATE_UNPARSEABLE", { position: index + 1 });
  });
  return chain.length === blocks.length ? chain : null;
}

/** Orders the chain from the leaf upwards and reports every certificate that does not belong. */
function linkChain(
  leaf: X509Certificate,
  chain: ChainCertificate[],
  fail: Fail,
  warnings: UploadedCertificateWarning[],
): ChainCertificate[] {
  // Pasting the full chain file (which starts with the leaf) or a certificate twice is a
  // harmless slip: drop the copies and say so.
  const seen = new Set([leaf.fingerprint256]);
  const unique: ChainCertificate[] = [];
  for (const entry of chain) {
    if (seen.has(entry.certificate.fingerprint256)) {
      warnings.push({ field: "chain", code: "CHAIN_DUPLICATE_REMOVED", params: { position: entry.position } });
    } else {
      seen.add(entry.certificate.fingerprint256);
      unique.push(entry);
    }
  }

  const authorities: ChainCertificate[] = [];
  for (const entry of unique) {
    if (entry.certificate.ca) authorities.push(entry);
    else {
      fail("chain", "CHAIN_CERTIFICATE_NOT_CA", {
        position: entry.position,
        subject: formatName(entry.certificate.subject),
      });
    }
  }
  if (authorities.length === 0) return [];

  const { ordered, unrelated, reordered } = orderCertificateChain(leaf, authorities);
  if (ordered.length === 0 && !isSelfIssued(leaf)) {
    // Nothing links to the leaf, so every certificate is "unrelated"; the useful message
    // is which issuer was expected.
    fail("chain", "CHAIN_ISSUER_MISSING", { issuer: formatName(leaf.issuer) });
    return [];
  }
  for (const entry of unrelated) {
    fail("chain", "CHAIN_CERTIFICATE_UNRELATED", {
      position: entry.position,
      subject: formatName(entry.certificate.subject),
    });
  }
  if (reordered && unrelated.length === 0) warnings.push({ field: "chain", code: "CHAIN_REORDERED", params: {} });
  return ordered;
}

function readKey(text: string, fail: Fail): KeyObject | null {
  const decoded = decodePemText({ text, maxBytes: MAX_FIELD_BYTES, derConversionCommand: KEY_DER_COMMAND });
  if (!decoded.ok) {
    fail("privateKey", decoded.code, decoded.params);
    return null;
  }
  const result = readPrivateKey(decoded.blocks);
  if (!result.ok) {
    fail("privateKey", result.code, result.params);
    return null;
  }
  return result.key;
}

function onlyCertificates(blocks: PemBlock[], field: UploadField, fail: Fail): PemBlock[] | null {
  const foreign = blocks.find((block) => block.label !== CERTIFICATE_LABEL);
  if (foreign) {
    fail(field, "PEM_UNEXPECTED_LABEL", { label: foreign.label, expected: CERTIFICATE_LABEL });
    return null;
  }
  return blocks;
}

function parseCertificate(block: PemBlock | undefined): X509Certificate | null {
  if (!block) return null;
  try {
    return new X509Certificate(block.der);
  } catch {
    return null;
  }
}

function matches(certificate: X509Certificate, key: KeyObject): boolean {
  try {
    return certificate.checkPrivateKey(key);
  } catch {
    return false;
  }
}

function isBlank(text: string | undefined): boolean {
  return text === undefined || text.replace(/^\uFEFF/, "").trim() === "";
}

// Node renders names one attribute per line; one line reads better in the UI and logs.
function formatName(name: string): string {
  return name.split("\n").join(", ");
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

// Node (before 22.10) exposes validity only as OpenSSL's text, e.g. "Mar  1 00:00:00 2026 GMT";
// parsing it here avoids depending on the engine's lenient Date string parser.
function parseOpenSslTime(text: string): Date | null {
  const match = /^([A-Z][a-z]{2}) +(\d{1,2}) (\d{2}):(\d{2}):(\d{2})(?:\.\d+)? (\d{4}) GMT$/.exec(text);
  if (!match) return null;
  const month = MONTHS.indexOf(match[1] ?? "");
  if (month < 0) return null;
  const [day, hours, minutes, seconds, year] = match.slice(2).map(Number);
  return new Date(Date.UTC(year ?? 0, month, day, hours, minutes, seconds));
}

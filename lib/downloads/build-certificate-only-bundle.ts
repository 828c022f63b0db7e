import { X509Certificate } from "node:crypto";
import { strToU8, type ZipAttributes, zipSync } from "fflate";
import type { CertificateOnlyServerType } from "@/lib/downloads/server-types";
import { decodePemText } from "@/lib/pem/decode-pem-text";
import { encodePem } from "@/lib/pem/encode-pem";

export type CertificateOnlyBundleInput = {
  domain: string;
  certificatePem: string;
  chainPem: string | null;
  now: Date;
};

const MAX_PEM_BYTES = 256 * 1024;

/**
 * The zip for a certificate uploaded without its private key: the same certificate files
 * build-download-bundle writes for the server type (so instructions match), no key, and a
 * note saying where the key has to come from.
 */
export function buildCertificateOnlyBundle(
  serverType: CertificateOnlyServerType,
  input: CertificateOnlyBundleInput,
): { fileName: string; zip: Uint8Array } {
  const leaf = readCertificates(input.certificatePem)[0];
  if (!leaf) throw new Error("certificatePem holds no certificate");
  const chain = input.chainPem?.trim() ? readCertificates(input.chainPem) : [];
  const base = fileSafeDomain(input.domain);
  const leafPem = encodePem("CERTIFICATE", leaf.raw);
  const chainPem = chain.map((certificate) => encodePem("CERTIFICATE", certificate.raw)).join("");
  const files: Record<string, string> = {};
  switch (serverType) {
    case "nginx":
      files[`${base}_bundle.crt`] = leafPem + chainPem;
      break;
    case "apache":
      files[`${base}.crt`] = leafPem;
      if (chainPem) files["root_bundle.crt"] = chainPem;
      break;
    case "pem":
      files[`${base}.pem`] = leafPem;
      if (chainPem) files[`${base}-chain.pem`] = chainPem;
      break;
  }
  files["NO_PRIVATE_KEY.txt"] =
    `This certificate for ${input.domain} was uploaded to CertDesk without its private key, so this\n` +
    "download holds the certificate and its chain only. Install it with the private key you generated\n" +
    `the certificate request with (${base}.key in the usual layout).\n`;
  const mtime = utcAsLocalTime(input.now);
  const entries: Record<string, [Uint8Array, ZipAttributes]> = {};
  for (const [name, content] of Object.entries(files)) {
    entries[name] = [strToU8(content), { mtime, os: 3, attrs: (0o100644 << 16) >>> 0 }];
  }
  return { fileName: `${base}_${serverType}.zip`, zip: zipSync(entries, { level: 6 }) };
}

function readCertificates(text: string): X509Certificate[] {
  const decoded = decodePemText({ text, maxBytes: MAX_PEM_BYTES, derConversionCommand: "" });
  if (!decoded.ok) throw new Error(`stored certificate is not PEM (${decoded.code})`);
  return decoded.blocks.map((block) => {
    if (block.label !== "CERTIFICATE") throw new Error(`stored certificate holds a ${block.label} block`);
    return new X509Certificate(block.der);
  });
}

// As build-download-bundle names its files: "*.example.com" → "_.example.com".
function fileSafeDomain(domain: string): string {
  const safe = domain
    .trim()
    .toLowerCase()
    .replace(/^\*\./, "_.")
    .replace(/[^a-z0-9._-]/g, "_")
    .replace(/\.{2,}/g, ".")
    .replace(/^\./, "");
  return /[a-z0-9]/.test(safe) ? safe : "certificate";
}

// Zip times are local wall-clock fields; written as UTC so the bytes do not depend on TZ.
function utcAsLocalTime(now: Date): Date {
  const firstGuess = new Date(now.getTime() + now.getTimezoneOffset() * 60_000);
  return new Date(now.getTime() + firstGuess.getTimezoneOffset() * 60_000);
}

// The chain an ACME CA returns (leaf first, then intermediates) as the columns an issued
// certificate keeps, in the spelling the built-in CA uses (lower-case hex serial, SHA-256
// fingerprint of the DER, whole-second validity).
import { createHash, X509Certificate } from "node:crypto";
import type { IssuedCertificate } from "@/lib/ca/issue-certificate";
import type { KeyAlgorithm } from "@/lib/generated/prisma/enums";

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

export function readIssuedChain(input: {
  chainPem: string;
  keyAlgorithm: KeyAlgorithm;
  /** The sealed key made for this certificate, when this issuance made one; null otherwise. */
  privateKeyEncrypted: string | null;
}): IssuedCertificate {
  const blocks = input.chainPem.match(PEM_BLOCK) ?? [];
  const [leafPem, ...intermediates] = blocks;
  if (!leafPem) throw new Error("the CA returned no certificate");
  const leaf = new X509Certificate(leafPem);
  return {
    certificatePem: `${leafPem}\n`,
    chainPem: intermediates.map((block) => `${block}\n`).join(""),
    privateKeyEncrypted: input.privateKeyEncrypted,
    serialNumber: leaf.serialNumber.toLowerCase(),
    fingerprintSha256: createHash("sha256").update(leaf.raw).digest("hex"),
    keyAlgorithm: input.keyAlgorithm,
    notBefore: new Date(leaf.validFrom),
    notAfter: new Date(leaf.validTo),
  };
}

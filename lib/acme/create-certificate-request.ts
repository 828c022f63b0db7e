// A new key pair and the PKCS#10 request for it, for finalizeAcmeOrder. The key is the
// customer's certificate key: encrypt it before it is stored.
import { generateKeyPair } from "node:crypto";
import { promisify } from "node:util";
import { crypto as acmeCrypto } from "acme-client";
import { normalizeDomainName } from "@/lib/dns/normalize-domain-name";

export type CertificateKeyAlgorithm = "ECDSA_P256" | "ECDSA_P384" | "RSA_2048" | "RSA_3072" | "RSA_4096";

// RFC 5280's upper bound for a common name; a longer name lives in the SAN alone.
const MAX_COMMON_NAME = 64;

async function newPrivateKeyPem(algorithm: CertificateKeyAlgorithm): Promise<string> {
  const generate = promisify(generateKeyPair);
  const { privateKey } =
    algorithm === "ECDSA_P256" || algorithm === "ECDSA_P384"
      ? await generate("ec", { namedCurve: algorithm === "ECDSA_P256" ? "P-256" : "P-384" })
      : await generate("rsa", { modulusLength: Number(algorithm.slice("RSA_".length)) });
  return privateKey.export({ type: "pkcs8", format: "pem" }).toString();
}

/**
 * The first domain is the subject's common name (when short enough); all of them are in the
 * SAN. `privateKeyPem`: sign with this key (one made when the customer ordered) instead of a new one.
 */
export async function createCertificateRequest(input: {
  domains: readonly string[];
  keyAlgorithm: CertificateKeyAlgorithm;
  privateKeyPem?: string;
}): Promise<{ csrPem: string; privateKeyPem: string }> {
  const domains = [...new Set(input.domains.map(normalizeDomainName))];
  const [first] = domains;
  if (!first) throw new RangeError("a certificate request needs at least one domain");
  const privateKeyPem = input.privateKeyPem ?? (await newPrivateKeyPem(input.keyAlgorithm));
  const [, csr] = await acmeCrypto.createCsr(
    { ...(first.length <= MAX_COMMON_NAME ? { commonName: first } : {}), altNames: domains },
    privateKeyPem,
  );
  return { csrPem: csr.toString(), privateKeyPem };
}

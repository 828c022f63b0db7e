// The built-in CA end to end without a database: root → intermediate → server
// certificate, checked with Node's own X.509 parser and with the openssl command.
import { execFileSync } from "node:child_process";
import { createPrivateKey, generateKeyPairSync, X509Certificate } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CertificateAuthorityMaterial } from "@/lib/ca/certificate-authority-material";
import { createIntermediateCertificateAuthority } from "@/lib/ca/create-intermediate-certificate-authority";
import { createRootCertificateAuthority } from "@/lib/ca/create-root-certificate-authority";
import { createServerCertificate, type ServerCertificate } from "@/lib/ca/create-server-certificate";
import { x509 } from "@/lib/ca/x509";

const NOW = new Date("2026-06-15T08:00:00.000Z");
const NOT_BEFORE = new Date("2026-10-01T00:00:00.000Z");
const NOT_AFTER = new Date("2027-11-01T00:00:00.000Z");

let root: CertificateAuthorityMaterial;
let intermediate: CertificateAuthorityMaterial;
let rsaLeaf: ServerCertificate;
let ecLeaf: ServerCertificate;

function splitPems(bundle: string): string[] {
  return bundle.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n?/g) ?? [];
}

beforeAll(async () => {
  root = await createRootCertificateAuthority({ now: NOW });
  intermediate = await createIntermediateCertificateAuthority({ brand: "DNSPod", root, now: NOW });
  const request = {
    issuer: intermediate,
    issuerChainPems: [root.certificatePem],
    domain: "*.Example.com",
    sans: ["example.com", "*.example.com", "www.shop.example.com"],
    notBefore: NOT_BEFORE,
    notAfter: NOT_AFTER,
  };
  // Only one RSA key in the whole file: generating it is the slow part.
  [rsaLeaf, ecLeaf] = await Promise.all([
    createServerCertificate({ ...request, keyAlgorithm: "RSA_2048" }),
    createServerCertificate({ ...request, keyAlgorithm: "ECDSA_P256" }),
  ]);
});

describe("root and intermediate", () => {
  it("makes a self-signed root named CertDesk Local Root CA, valid 20 years from now", () => {
    const cert = new X509Certificate(root.certificatePem);
    expect(cert.subject).toBe("CN=CertDesk Local Root CA\nO=CertDesk");
    expect(cert.issuer).toBe(cert.subject);
    expect(cert.ca).toBe(true);
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(new Date(cert.validFrom)).toEqual(NOW);
    expect(new Date(cert.validTo)).toEqual(new Date("2046-06-15T08:00:00Z"));
    expect(root.notAfter).toEqual(new Date("2046-06-15T08:00:00Z"));
    expect(cert.publicKey.asymmetricKeyDetails?.namedCurve).toBe("prime256v1");
    expect(cert.checkPrivateKey(createPrivateKey(root.privateKeyPem))).toBe(true);
    expect(root.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
  });

  it("makes a brand intermediate signed by the root, path length 0, valid 10 years", () => {
    const cert = new X509Certificate(intermediate.certificatePem);
    const rootCert = new X509Certificate(root.certificatePem);
    expect(cert.subject).toBe("CN=CertDesk DNSPod DV CA\nO=CertDesk");
    expect(intermediate.subject).toBe("CN=CertDesk DNSPod DV CA, O=CertDesk");
    expect(cert.issuer).toBe(rootCert.subject);
    expect(cert.ca).toBe(true);
    expect(cert.verify(rootCert.publicKey)).toBe(true);
    expect(cert.checkIssued(rootCert)).toBe(true);
    expect(new Date(cert.validTo)).toEqual(new Date("2036-06-15T08:00:00Z"));
    const parsed = new x509.X509Certificate(intermediate.certificatePem);
    const constraints = parsed.getExtension(x509.BasicConstraintsExtension);
    expect(constraints).toMatchObject({ ca: true, pathLength: 0, critical: true });
    expect(parsed.getExtension(x509.AuthorityKeyIdentifierExtension)?.keyId).toBe(
      new x509.X509Certificate(root.certificatePem).getExtension(x509.SubjectKeyIdentifierExtension)?.keyId,
    );
  });

  it("never lets an intermediate outlive its root", async () => {
    const late = await createIntermediateCertificateAuthority({
      brand: "TrustAsia",
      root,
      now: new Date("2040-01-01T00:00:00Z"),
    });
    expect(late.notAfter).toEqual(root.notAfter);
  });

  it("refuses an unusable brand name", async () => {
    await expect(createIntermediateCertificateAuthority({ brand: "  ", root, now: NOW })).rejects.toThrow(RangeError);
    await expect(createIntermediateCertificateAuthority({ brand: "x".repeat(41), root, now: NOW })).rejects.toThrow(
      RangeError,
    );
  });
});

describe("server certificates", () => {
  it.each([
    ["RSA", () => rsaLeaf],
    ["ECDSA", () => ecLeaf],
  ])("binds the domain and every SAN, wildcard included (%s)", (_, leaf) => {
    const cert = new X509Certificate(leaf().certificatePem);
    expect(cert.subject).toBe("CN=*.example.com");
    expect(cert.subjectAltName).toBe("DNS:*.example.com, DNS:example.com, DNS:www.shop.example.com");
    expect(leaf().dnsNames).toEqual(["*.example.com", "example.com", "www.shop.example.com"]);
    expect(cert.ca).toBe(false);
    // checkHost answers with the certificate name that matched.
    expect(cert.checkHost("api.example.com")).toBe("*.example.com");
    expect(cert.checkHost("example.com")).toBe("example.com");
    expect(cert.checkHost("a.b.example.com")).toBeUndefined();
  });

  it.each([
    ["RSA", () => rsaLeaf],
    ["ECDSA", () => ecLeaf],
  ])("is valid exactly as requested and verifies up to the root (%s)", (_, leaf) => {
    const cert = new X509Certificate(leaf().certificatePem);
    const [chainIntermediate, chainRoot, ...rest] = splitPems(leaf().chainPem).map((pem) => new X509Certificate(pem));
    expect(rest).toEqual([]);
    expect(chainIntermediate?.subject).toBe("CN=CertDesk DNSPod DV CA\nO=CertDesk");
    expect(chainRoot?.subject).toBe("CN=CertDesk Local Root CA\nO=CertDesk");
    expect(new Date(cert.validFrom)).toEqual(NOT_BEFORE);
    expect(new Date(cert.validTo)).toEqual(NOT_AFTER);
    expect(leaf().notBefore).toEqual(NOT_BEFORE);
    expect(leaf().notAfter).toEqual(NOT_AFTER);
    expect(cert.verify((chainIntermediate as X509Certificate).publicKey)).toBe(true);
    expect((chainIntermediate as X509Certificate).verify((chainRoot as X509Certificate).publicKey)).toBe(true);
    expect(cert.verify((chainRoot as X509Certificate).publicKey)).toBe(false);
    expect(cert.checkPrivateKey(createPrivateKey(leaf().privateKeyPem ?? ""))).toBe(true);
  });

  it("makes an RSA 2048 key with keyEncipherment, and an EC P-256 key without", () => {
    const rsa = new X509Certificate(rsaLeaf.certificatePem);
    expect(rsa.publicKey.asymmetricKeyType).toBe("rsa");
    expect(rsa.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(rsa.keyUsage).toEqual(["1.3.6.1.5.5.7.3.1"]);
    const ec = new X509Certificate(ecLeaf.certificatePem);
    expect(ec.publicKey.asymmetricKeyType).toBe("ec");
    expect(ec.publicKey.asymmetricKeyDetails?.namedCurve).toBe("prime256v1");

    const usages = (pem: string) => new x509.X509Certificate(pem).getExtension(x509.KeyUsagesExtension)?.usages;
    expect(usages(rsaLeaf.certificatePem)).toBe(
      x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment,
    );
    expect(usages(ecLeaf.certificatePem)).toBe(x509.KeyUsageFlags.digitalSignature);
  });

  it("carries a random positive 16-byte serial, key identifiers and the SHA-256 fingerprint", () => {
    for (const leaf of [rsaLeaf, ecLeaf]) {
      const cert = new X509Certificate(leaf.certificatePem);
      expect(leaf.serialNumber).toMatch(/^[4-7][0-9a-f]{31}$/);
      expect(cert.serialNumber.toLowerCase()).toBe(leaf.serialNumber);
      expect(leaf.fingerprintSha256).toBe(cert.fingerprint256.replaceAll(":", "").toLowerCase());
      const parsed = new x509.X509Certificate(leaf.certificatePem);
      expect(parsed.getExtension(x509.SubjectKeyIdentifierExtension)?.keyId).toMatch(/^[0-9a-f]{40}$/);
      expect(parsed.getExtension(x509.AuthorityKeyIdentifierExtension)?.keyId).toBe(
        new x509.X509Certificate(intermediate.certificatePem).getExtension(x509.SubjectKeyIdentifierExtension)?.keyId,
      );
      expect(parsed.getExtension(x509.BasicConstraintsExtension)).toMatchObject({ ca: false, critical: true });
    }
    expect(rsaLeaf.serialNumber).not.toBe(ecLeaf.serialNumber);
  });

  it("returns the private key as PKCS#8 PEM", () => {
    expect(rsaLeaf.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----\n$/);
    expect(createPrivateKey(ecLeaf.privateKeyPem ?? "").asymmetricKeyType).toBe("ec");
  });

  it("signs the customer's own public key, returning no private key", async () => {
    const own = generateKeyPairSync("ec", { namedCurve: "P-384" });
    const leaf = await createServerCertificate({
      issuer: intermediate,
      issuerChainPems: [root.certificatePem],
      domain: "csr.example.com",
      sans: ["www.csr.example.com"],
      keyAlgorithm: "ECDSA_P384",
      publicKeySpki: new Uint8Array(own.publicKey.export({ type: "spki", format: "der" })),
      notBefore: NOT_BEFORE,
      notAfter: NOT_AFTER,
    });
    const cert = new X509Certificate(leaf.certificatePem);
    expect(leaf.privateKeyPem).toBeNull();
    expect(cert.checkPrivateKey(own.privateKey)).toBe(true);
    expect(cert.publicKey.asymmetricKeyDetails?.namedCurve).toBe("secp384r1");
    expect(cert.subjectAltName).toBe("DNS:csr.example.com, DNS:www.csr.example.com");
  });

  it.each([
    ["RSA_3072", { modulusLength: 3072 }],
    ["ECDSA_P384", { namedCurve: "secp384r1" }],
  ] as const)("generates %s keys when asked", async (keyAlgorithm, expected) => {
    const leaf = await createServerCertificate({
      issuer: intermediate,
      issuerChainPems: [root.certificatePem],
      domain: "keys.example.com",
      sans: [],
      keyAlgorithm,
      notBefore: NOT_BEFORE,
      notAfter: NOT_AFTER,
    });
    const cert = new X509Certificate(leaf.certificatePem);
    expect(cert.publicKey.asymmetricKeyDetails).toMatchObject(expected);
    expect(cert.checkPrivateKey(createPrivateKey(leaf.privateKeyPem ?? ""))).toBe(true);
    const usages = new x509.X509Certificate(leaf.certificatePem).getExtension(x509.KeyUsagesExtension)?.usages;
    const rsa = keyAlgorithm.startsWith("RSA");
    expect(Boolean((usages ?? 0) & x509.KeyUsageFlags.keyEncipherment)).toBe(rsa);
  });

  it("drops milliseconds, which X.509 cannot encode, and says so in the result", async () => {
    const leaf = await createServerCertificate({
      issuer: intermediate,
      issuerChainPems: [root.certificatePem],
      domain: "www.example.org",
      sans: [],
      keyAlgorithm: "ECDSA_P256",
      notBefore: new Date("2026-10-01T00:00:00.999Z"),
      notAfter: new Date("2027-10-01T00:00:00.500Z"),
    });
    expect(leaf.notBefore).toEqual(new Date("2026-10-01T00:00:00Z"));
    expect(leaf.notAfter).toEqual(new Date("2027-10-01T00:00:00Z"));
    expect(new X509Certificate(leaf.certificatePem).subjectAltName).toBe("DNS:www.example.org");
  });

  it("puts a domain too long for a common name in the SAN only, marked critical", async () => {
    const domain = `${"a".repeat(60)}.example.com`;
    const leaf = await createServerCertificate({
      issuer: intermediate,
      issuerChainPems: [root.certificatePem],
      domain,
      sans: [],
      keyAlgorithm: "ECDSA_P256",
      notBefore: NOT_BEFORE,
      notAfter: NOT_AFTER,
    });
    const parsed = new x509.X509Certificate(leaf.certificatePem);
    expect(parsed.subject).toBe("");
    expect(parsed.getExtension(x509.SubjectAlternativeNameExtension)).toMatchObject({ critical: true });
    expect(new X509Certificate(leaf.certificatePem).checkHost(domain)).toBe(domain);
  });

  it("refuses an empty or inverted validity and invalid names", async () => {
    const base = {
      issuer: intermediate,
      issuerChainPems: [root.certificatePem],
      domain: "example.com",
      sans: [],
      keyAlgorithm: "ECDSA_P256" as const,
    };
    await expect(createServerCertificate({ ...base, notBefore: NOT_AFTER, notAfter: NOT_AFTER })).rejects.toThrow(
      RangeError,
    );
    await expect(createServerCertificate({ ...base, notBefore: NOT_AFTER, notAfter: NOT_BEFORE })).rejects.toThrow(
      RangeError,
    );
    await expect(
      createServerCertificate({ ...base, sans: ["bad..name"], notBefore: NOT_BEFORE, notAfter: NOT_AFTER }),
    ).rejects.toThrow(RangeError);
  });
});

describe("openssl", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "certdesk-ca-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function opensslVerify(leaf: ServerCertificate, extraArgs: string[] = []): string {
    const [chainIntermediate, chainRoot] = splitPems(leaf.chainPem);
    const files = { root: path.join(dir, "root.pem"), intermediate: path.join(dir, "intermediate.pem") };
    writeFileSync(files.root, chainRoot as string);
    writeFileSync(files.intermediate, chainIntermediate as string);
    const leafFile = path.join(dir, `leaf-${leaf.serialNumber}.pem`);
    writeFileSync(leafFile, leaf.certificatePem);
    // -attime: the certificate's validity lies in the future of the test's real clock.
    const attime = String(Math.floor(NOT_BEFORE.getTime() / 1000) + 86_400);
    return execFileSync(
      "openssl",
      [
        "verify",
        "-x509_strict",
        "-purpose",
        "sslserver",
        "-attime",
        attime,
        "-CAfile",
        files.root,
        "-untrusted",
        files.intermediate,
        ...extraArgs,
        leafFile,
      ],
      { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
  }

  it.each([
    ["RSA", () => rsaLeaf],
    ["ECDSA", () => ecLeaf],
  ])("verifies the %s chain with openssl verify (strict, as a TLS server)", (_, leaf) => {
    expect(opensslVerify(leaf())).toMatch(/: OK\n$/);
  });

  it("rejects the chain when checked after the certificate expired", () => {
    const afterExpiry = String(Math.floor(NOT_AFTER.getTime() / 1000) + 86_400);
    expect(() => opensslVerify(ecLeaf, ["-attime", afterExpiry])).toThrow(/certificate has expired/);
  });
});

import { createPrivateKey, X509Certificate } from "node:crypto";
import { describe, expect, it } from "vitest";
import { ensureCertificateAuthorities } from "@/lib/ca/ensure-certificate-authorities";
import { issueCertificate } from "@/lib/ca/issue-certificate";
import { decryptSecret, SecretDecryptionError } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db/client";
import { TEST_NOW } from "@/testing/factories";

const encryptionKey = Buffer.alloc(32, 11);
// The source's example: renewal issued 2021-10-01 for a certificate expiring 2021-11-01,
// moved to our test era.
const notBefore = new Date("2026-10-01T00:00:00Z");
const notAfter = new Date("2027-11-01T00:00:00Z");

function splitPems(bundle: string): X509Certificate[] {
  return (bundle.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n/g) ?? []).map(
    (pem) => new X509Certificate(pem),
  );
}

describe("issueCertificate", () => {
  it("issues from the brand's intermediate, returns the chain, and only a sealed key", async () => {
    const certificatesBefore = await db.certificate.count();
    const issued = await issueCertificate({
      brand: "DNSPod",
      domain: "*.example-shop.com",
      sans: ["example-shop.com"],
      keyAlgorithm: "ECDSA_P256",
      notBefore,
      notAfter,
      now: TEST_NOW,
      encryptionKey,
      associatedData: "cert_renewed_1",
    });

    const cert = new X509Certificate(issued.certificatePem);
    const [intermediate, root, ...rest] = splitPems(issued.chainPem);
    expect(rest).toEqual([]);
    expect(cert.subject).toBe("CN=*.example-shop.com");
    expect(cert.subjectAltName).toBe("DNS:*.example-shop.com, DNS:example-shop.com");
    expect(cert.issuer).toBe("CN=CertDesk DNSPod DV CA\nO=CertDesk");
    expect(intermediate?.subject).toBe(cert.issuer);
    expect(root?.subject).toBe("CN=CertDesk Local Root CA\nO=CertDesk");
    expect(cert.verify((intermediate as X509Certificate).publicKey)).toBe(true);
    expect((intermediate as X509Certificate).verify((root as X509Certificate).publicKey)).toBe(true);
    expect(new Date(cert.validFrom)).toEqual(notBefore);
    expect(new Date(cert.validTo)).toEqual(notAfter);
    expect(issued).toMatchObject({ notBefore, notAfter, keyAlgorithm: "ECDSA_P256" });
    expect(issued.serialNumber).toBe(cert.serialNumber.toLowerCase());
    expect(issued.fingerprintSha256).toBe(cert.fingerprint256.replaceAll(":", "").toLowerCase());

    expect(JSON.stringify(issued)).not.toContain("PRIVATE KEY");
    const keyPem = decryptSecret(issued.privateKeyEncrypted ?? "", encryptionKey, "cert_renewed_1");
    expect(cert.checkPrivateKey(createPrivateKey(keyPem))).toBe(true);
    expect(() => decryptSecret(issued.privateKeyEncrypted ?? "", encryptionKey, "cert_other")).toThrow(
      SecretDecryptionError,
    );

    // The stored CAs are the ones in the chain; no certificate row was written.
    const stored = await ensureCertificateAuthorities({ brands: ["DNSPod"], now: TEST_NOW, encryptionKey });
    expect(issued.chainPem).toBe(`${stored.intermediates.get("DNSPod")?.certificatePem}${stored.root.certificatePem}`);
    expect(await db.certificate.count()).toBe(certificatesBefore);
  });

  it("issues RSA 2048 certificates, each brand from its own intermediate under the one root", async () => {
    const [rsa, other] = await Promise.all([
      issueCertificate({
        brand: "TrustAsia",
        domain: "www.example.org",
        sans: [],
        keyAlgorithm: "RSA_2048",
        notBefore,
        notAfter,
        now: TEST_NOW,
        encryptionKey,
        associatedData: "cert_rsa",
      }),
      issueCertificate({
        brand: "WoTrus",
        domain: "*.example.org",
        sans: [],
        keyAlgorithm: "ECDSA_P256",
        notBefore,
        notAfter,
        now: TEST_NOW,
        encryptionKey,
        associatedData: "cert_ec",
      }),
    ]);
    const cert = new X509Certificate(rsa.certificatePem);
    expect(cert.publicKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(cert.issuer).toBe("CN=CertDesk TrustAsia DV CA\nO=CertDesk");
    expect(new X509Certificate(other.certificatePem).issuer).toBe("CN=CertDesk WoTrus DV CA\nO=CertDesk");
    expect(splitPems(rsa.chainPem)[1]?.fingerprint256).toBe(splitPems(other.chainPem)[1]?.fingerprint256);
    expect(await db.certificateAuthority.count({ where: { kind: "ROOT" } })).toBe(1);
    expect(rsa.serialNumber).not.toBe(other.serialNumber);
  });

  it("refuses a validity that would outlast the intermediate", async () => {
    const { intermediates } = await ensureCertificateAuthorities({ brands: ["DNSPod"], now: TEST_NOW, encryptionKey });
    const issuerExpiry = intermediates.get("DNSPod")?.notAfter as Date;
    await expect(
      issueCertificate({
        brand: "DNSPod",
        domain: "late.example.com",
        sans: [],
        keyAlgorithm: "ECDSA_P256",
        notBefore,
        notAfter: new Date(issuerExpiry.getTime() + 1000),
        now: TEST_NOW,
        encryptionKey,
        associatedData: "cert_late",
      }),
    ).rejects.toThrow(/would expire after its issuer/);
  });
});

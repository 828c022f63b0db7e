import { X509Certificate } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { x509 } from "@/lib/ca/x509";
import { readCertificateNames } from "@/lib/pem/read-certificate-names";

const SIGNING: EcKeyGenParams & EcdsaParams = { name: "ECDSA", namedCurve: "P-256", hash: "SHA-256" };
let keys: CryptoKeyPair;

beforeAll(async () => {
  keys = await globalThis.crypto.subtle.generateKey(SIGNING, false, ["sign", "verify"]);
});

/** A self-signed certificate with this subject and these extensions, as Node reads it on upload. */
async function certificate(
  subject: x509.JsonName,
  alternativeNames?: x509.JsonGeneralNames | x509.Extension,
): Promise<X509Certificate> {
  const extensions =
    alternativeNames === undefined
      ? []
      : [
          alternativeNames instanceof x509.Extension
            ? alternativeNames
            : new x509.SubjectAlternativeNameExtension(alternativeNames),
        ];
  const generated = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: "01",
    name: subject,
    notBefore: new Date("2026-01-01T00:00:00Z"),
    notAfter: new Date("2027-01-01T00:00:00Z"),
    keys,
    signingAlgorithm: SIGNING,
    extensions,
  });
  return new X509Certificate(Buffer.from(generated.rawData));
}

const dns = (...names: string[]): x509.JsonGeneralNames => names.map((value) => ({ type: "dns", value }));

describe("readCertificateNames", () => {
  it("binds the certificate to its CN and lists its other DNS names once, lower-cased, in order", async () => {
    const names = readCertificateNames(
      await certificate(
        [{ CN: ["Www.Example.com"] }],
        dns("www.example.com", "Example.com", "api.example.com", "EXAMPLE.COM"),
      ),
    );
    expect(names).toEqual({ domain: "www.example.com", sans: ["example.com", "api.example.com"], isWildcard: false });
  });

  it("takes the first DNS name when the CN is not a host name", async () => {
    const names = readCertificateNames(
      await certificate(
        [{ O: ["Example Ltd"] }, { CN: ["Example Web Server"] }],
        dns("shop.example.com", "pay.example.com"),
      ),
    );
    expect(names).toEqual({ domain: "shop.example.com", sans: ["pay.example.com"], isWildcard: false });
  });

  it("reads a certificate without the SAN extension from its CN alone", async () => {
    const names = readCertificateNames(await certificate([{ O: ["Example Ltd"] }, { CN: ["legacy.example.com"] }]));
    expect(names).toEqual({ domain: "legacy.example.com", sans: [], isWildcard: false });
  });

  it("finds no domain in a certificate that names only a person", async () => {
    expect(readCertificateNames(await certificate([{ CN: ["Jane Doe"] }]))).toEqual({
      domain: null,
      sans: [],
      isWildcard: false,
    });
  });

  it("leaves IP addresses, e-mail addresses, URIs and directory names out of the domains", async () => {
    const names = readCertificateNames(
      await certificate(
        [{ CN: ["192.0.2.10"] }],
        [
          { type: "ip", value: "192.0.2.10" },
          { type: "ip", value: "2001:db8::1" },
          { type: "email", value: "admin@example.com" },
          { type: "url", value: "https://portal.example.com/" },
          { type: "dn", value: "CN=directory.example.com" },
          { type: "dns", value: "portal.example.com" },
        ],
      ),
    );
    expect(names).toEqual({ domain: "portal.example.com", sans: [], isWildcard: false });
  });

  it("finds no domain in a certificate for IP addresses only", async () => {
    const names = readCertificateNames(await certificate([{ CN: ["10.0.0.1"] }], [{ type: "ip", value: "10.0.0.1" }]));
    expect(names).toEqual({ domain: null, sans: [], isWildcard: false });
  });

  it("recognises a wildcard, in the CN or only among the SANs", async () => {
    expect(
      readCertificateNames(await certificate([{ CN: ["*.Example.com"] }], dns("*.example.com", "example.com"))),
    ).toEqual({ domain: "*.example.com", sans: ["example.com"], isWildcard: true });
    expect(
      readCertificateNames(await certificate([{ CN: ["example.com"] }], dns("example.com", "*.example.com"))),
    ).toEqual({
      domain: "example.com",
      sans: ["*.example.com"],
      isWildcard: true,
    });
  });

  it("keeps internationalised names as the A-labels certificates carry, not a Unicode CN", async () => {
    const names = readCertificateNames(
      await certificate([{ CN: ["bücher.example"] }], dns("xn--bcher-kva.example", "www.xn--bcher-kva.example")),
    );
    expect(names).toEqual({ domain: "xn--bcher-kva.example", sans: ["www.xn--bcher-kva.example"], isWildcard: false });
    expect(readCertificateNames(await certificate([{ CN: ["xn--bcher-kva.example"] }]))?.domain).toBe(
      "xn--bcher-kva.example",
    );
  });

  it("reads the CN of a multi-valued name (CN=… + O=…), which the display string joined to the O", async () => {
    const names = readCertificateNames(
      await certificate([{ CN: ["www.example.com"], O: ["Example Ltd"] }], dns("example.com")),
    );
    expect(names).toEqual({ domain: "www.example.com", sans: ["example.com"], isWildcard: false });
  });

  it("takes the last of several CNs, as OpenSSL does", async () => {
    const names = readCertificateNames(await certificate([{ CN: ["example.com"] }, { CN: ["www.example.com"] }]));
    expect(names?.domain).toBe("www.example.com");
  });

  it("does not take text inside a name for names of its own", async () => {
    const names = readCertificateNames(
      await certificate(
        [{ CN: ["www.example.com\nCN=www.bank.example"] }],
        [
          ...dns("x, DNS:www.bank.example, y", 'DNS:pay.bank.example", DNS:"z', "shop.example.com"),
          { type: "url", value: "https://shop.example.com/, DNS:login.bank.example, z" },
        ],
      ),
    );
    expect(names).toEqual({ domain: "shop.example.com", sans: [], isWildcard: false });
  });

  it("drops a name with a NUL byte (a name meant to read as another in C)", async () => {
    const names = readCertificateNames(
      await certificate(
        [{ CN: ["www.bank.example\u0000.evil.example"] }],
        dns("www.bank.example\u0000.evil.example", "evil.example"),
      ),
    );
    expect(names).toEqual({ domain: "evil.example", sans: [], isWildcard: false });
  });

  it("reads nothing from a certificate whose SAN extension does not decode, rather than only its CN", async () => {
    const notGeneralNames = new x509.Extension("2.5.29.17", false, new Uint8Array([0x02, 0x01, 0x05]));
    expect(readCertificateNames(await certificate([{ CN: ["www.example.com"] }], notGeneralNames))).toBeNull();
  });
});

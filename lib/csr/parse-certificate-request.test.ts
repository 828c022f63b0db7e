// CSRs made by the openssl command, as customers make them.
import { beforeAll, describe, expect, it } from "vitest";
import { csrNameProblem, parseCertificateRequest } from "@/lib/csr/parse-certificate-request";
import { breakCsrSignature, createTestCsr } from "@/testing/create-test-csr";
import { generateTestKeyPair, issueTestCertificate } from "@/testing/issue-test-certificate";

const names = ["example.com", "www.example.com"];
let rsaCsr: string;

beforeAll(() => {
  rsaCsr = createTestCsr({ key: "rsa-2048", commonName: "example.com", sans: names }).csrPem;
});

async function problemOf(text: string) {
  const result = await parseCertificateRequest(text);
  if (result.ok) throw new Error("expected the CSR to be refused");
  return result.problem;
}

describe("parseCertificateRequest: good requests", () => {
  it("reads an RSA 2048 request: key, names from CN and SAN once each, and a clean PEM", async () => {
    const result = await parseCertificateRequest(`\n  ${rsaCsr.replaceAll("\n", "\r\n")}  \n`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.keyAlgorithm).toBe("RSA_2048");
    expect(result.value.names).toEqual(["example.com", "www.example.com"]);
    expect(result.value.csrPem).toMatch(
      /^-----BEGIN CERTIFICATE REQUEST-----\n[A-Za-z0-9+/=\n]+-----END CERTIFICATE REQUEST-----\n$/,
    );
    expect(result.value.publicKeySpki.byteLength).toBeGreaterThan(256);
  });

  it.each([
    ["ec-p256", "ECDSA_P256"],
    ["ec-p384", "ECDSA_P384"],
  ] as const)("reads an %s request", async (key, keyAlgorithm) => {
    const { csrPem } = createTestCsr({ key, commonName: "*.Example.COM", sans: ["*.example.com", "example.com"] });
    const result = await parseCertificateRequest(csrPem);
    expect(result).toMatchObject({ ok: true, value: { keyAlgorithm, names: ["*.example.com", "example.com"] } });
  });

  it("takes the names from the SAN alone when the subject has no CN", async () => {
    const { csrPem } = createTestCsr({ key: "ec-p256", commonName: null, sans: ["shop.example.org"] });
    expect(await parseCertificateRequest(csrPem)).toMatchObject({ ok: true, value: { names: ["shop.example.org"] } });
  });
});

describe("parseCertificateRequest: refused keys, each with a precise reason", () => {
  it("refuses RSA 1024 and says how many bits it has and needs", async () => {
    const { csrPem } = createTestCsr({ key: "rsa-1024", commonName: "example.com" });
    expect(await problemOf(csrPem)).toEqual({ code: "CSR_RSA_TOO_WEAK", params: { bits: 1024, minBits: 2048 } });
  });

  it("refuses an RSA key with public exponent 3", async () => {
    const { csrPem } = createTestCsr({ key: "rsa-2048-e3", commonName: "example.com" });
    expect(await problemOf(csrPem)).toEqual({ code: "CSR_RSA_EXPONENT", params: { exponent: "3" } });
  });

  it("refuses a curve other than P-256 and P-384", async () => {
    const { csrPem } = createTestCsr({ key: "ec-p521", commonName: "example.com" });
    expect(await problemOf(csrPem)).toEqual({ code: "CSR_CURVE_UNSUPPORTED", params: { curve: "P-521" } });
  });

  it.each([
    ["ed25519", "Ed25519"],
    ["dsa", "DSA"],
  ] as const)("refuses %s keys, which public CAs do not issue for", async (key, keyType) => {
    const { csrPem } = createTestCsr({ key, commonName: "example.com" });
    expect(await problemOf(csrPem)).toEqual({ code: "CSR_KEY_TYPE_UNSUPPORTED", params: { keyType } });
  });
});

describe("parseCertificateRequest: not a usable request", () => {
  it("refuses a request whose signature does not match its key", async () => {
    expect((await problemOf(breakCsrSignature(rsaCsr))).code).toBe("CSR_SIGNATURE_INVALID");
  });

  it.each([
    ["empty", () => "  ", "CSR_EMPTY"],
    ["garbage", () => "hello, this is not a CSR", "CSR_MALFORMED"],
    ["truncated", rsaCsrHead(), "CSR_MALFORMED"],
    [
      "not DER inside",
      () => "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n-----END CERTIFICATE REQUEST-----\n",
      "CSR_MALFORMED",
    ],
  ])("refuses %s text", async (_name, text, code) => {
    expect((await problemOf(text())).code).toBe(code);
  });

  it("tells a certificate and a private key from a CSR", async () => {
    const keys = generateTestKeyPair("ec-p256");
    const certificate = issueTestCertificate({
      commonName: "example.com",
      notBefore: new Date("2026-01-01T00:00:00Z"),
      notAfter: new Date("2027-01-01T00:00:00Z"),
      keys,
    });
    expect((await problemOf(certificate.pem)).code).toBe("CSR_IS_CERTIFICATE");
    expect((await problemOf(certificate.privateKeyPem)).code).toBe("CSR_IS_PRIVATE_KEY");
    expect(await problemOf("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n")).toEqual({
      code: "CSR_FOREIGN_PEM",
      params: { label: "PUBLIC KEY" },
    });
  });

  it("refuses two requests pasted at once and one too large to be a CSR", async () => {
    expect(await problemOf(`${rsaCsr}${rsaCsr}`)).toEqual({ code: "CSR_MULTIPLE", params: { count: 2 } });
    expect((await problemOf(`${rsaCsr}${" ".repeat(17 * 1024)}`)).code).toBe("CSR_TOO_LARGE");
  });

  it("refuses a request without any name", async () => {
    const { csrPem } = createTestCsr({ key: "ec-p256", commonName: null });
    expect((await problemOf(csrPem)).code).toBe("CSR_NO_NAMES");
  });
});

function rsaCsrHead(): () => string {
  return () => rsaCsr.slice(0, 200);
}

describe("csrNameProblem", () => {
  it("accepts exactly the covered names, in any order", () => {
    expect(csrNameProblem(["www.example.com", "example.com"], names)).toBeNull();
  });

  it("says which names are missing (the www bonus included) and which are extra", async () => {
    expect(csrNameProblem(["example.com", "shop.example.com"], names)).toEqual({
      code: "CSR_NAMES_MISMATCH",
      params: { missing: "www.example.com", extra: "shop.example.com", missingCount: 1, extraCount: 1 },
    });
    const { csrPem } = createTestCsr({
      key: "ec-p256",
      commonName: "example.com",
      sans: ["example.com"],
      ipSans: ["192.0.2.1"],
    });
    const parsed = await parseCertificateRequest(csrPem);
    if (!parsed.ok) throw new Error("expected a parsed CSR");
    expect(csrNameProblem(parsed.value.names, names)?.params).toMatchObject({
      missing: "www.example.com",
      extra: "IP 192.0.2.1",
    });
  });
});

import { describe, expect, it } from "vitest";
import { bundleFileContent, describeCertificateBundle } from "@/lib/deploy/describe-certificate-bundle";
import { createDeployTestAuthority } from "@/testing/servers/deploy-test-certificates";

const authority = createDeployTestAuthority();
const bundle = authority.issueBundle("shop.example.com");

describe("describeCertificateBundle", () => {
  it("describes the leaf and the intermediates a server must send, leaving the root out", () => {
    const deployed = describeCertificateBundle(bundle);
    expect(deployed.leaf).toMatchObject({
      serialNumber: bundle.serialNumber,
      fingerprintSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      dnsNames: ["shop.example.com"],
      subject: "O=CertDesk Test, CN=shop.example.com",
      issuer: "O=CertDesk Test, CN=CertDesk Deploy Test Intermediate",
    });
    expect(deployed.intermediates.map((certificate) => certificate.subject)).toEqual([
      "O=CertDesk Test, CN=CertDesk Deploy Test Intermediate",
    ]);
  });

  it("refuses a certificate field that holds more than one certificate, or something else", () => {
    expect(() =>
      describeCertificateBundle({ ...bundle, certificatePem: `${bundle.certificatePem}${bundle.chainPem}` }),
    ).toThrow(/exactly one/);
    expect(() => describeCertificateBundle({ ...bundle, chainPem: bundle.privateKeyPem })).toThrow(/PRIVATE KEY block/);
  });
});

describe("bundleFileContent", () => {
  it("gives each kind of file in canonical PEM, the full chain being the leaf then the chain", () => {
    const messy = { ...bundle, certificatePem: `\r\n${bundle.certificatePem.replace(/\n/g, "\r\n")}`, chainPem: "" };
    expect(bundleFileContent(messy, "certificate")).toBe(bundle.certificatePem);
    expect(bundleFileContent(messy, "chain")).toBe("");
    expect(bundleFileContent(bundle, "fullChain")).toBe(`${bundle.certificatePem}${bundle.chainPem}`);
    expect(bundleFileContent({ ...bundle, privateKeyPem: bundle.privateKeyPem.trimEnd() }, "privateKey")).toBe(
      bundle.privateKeyPem,
    );
  });
});

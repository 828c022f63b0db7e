import { describe, expect, it } from "vitest";
import { classifyUploadedCertificate, readNameAttributes } from "@/lib/certificates/classify-uploaded-certificate";

const base = { domain: "www.example.com", sans: ["example.com"], isWildcard: false };

describe("classifyUploadedCertificate", () => {
  it("takes the brand from the issuer, preferring the brand customers know", () => {
    const classify = (issuer: string) =>
      classifyUploadedCertificate({ ...base, issuer, subject: "CN=www.example.com" });
    expect(classify("C=US\nO=Let's Encrypt\nCN=R11").brand).toBe("Let's Encrypt");
    expect(classify("C=US\nO=DigiCert Inc\nCN=RapidSSL TLS RSA CA G1").brand).toBe("RapidSSL");
    expect(classify("C=CN\nO=TrustAsia Technologies, Inc.\nCN=TrustAsia RSA DV TLS CA G2").brand).toBe("TrustAsia");
    expect(classify("O=Acme Internal Certificate Authority With A Very Long Name Ltd\nCN=Acme CA").brand).toBe(
      "Acme Internal Certificate Authority With",
    );
    expect(classify("CN=Someone's CA").brand).toBe("Other");
  });

  it("is DV without an organisation in the subject, OV with one, EV with a business category", () => {
    const classify = (subject: string) => classifyUploadedCertificate({ ...base, issuer: "CN=CA", subject });
    expect(classify("CN=www.example.com").certificateType).toBe("DV");
    expect(classify("C=CN\nO=Example Ltd\nCN=www.example.com").certificateType).toBe("OV");
    expect(classify("businessCategory=Private Organization\nO=Example Ltd\nCN=www.example.com").certificateType).toBe(
      "EV",
    );
  });

  it("counts www and the bare domain as one site", () => {
    const classify = (domain: string, sans: string[], isWildcard = false) =>
      classifyUploadedCertificate({ issuer: "CN=CA", subject: "CN=x", domain, sans, isWildcard }).domainType;
    expect(classify("www.example.com", ["example.com"])).toBe("SINGLE");
    expect(classify("api.example.com", [])).toBe("SINGLE");
    expect(classify("mail.example.com", ["smtp.example.com"])).toBe("MULTI");
    expect(classify("*.example.com", ["example.com"], true)).toBe("WILDCARD");
  });

  it("reads quoted attribute values", () => {
    expect(readNameAttributes('O="Example, Inc."\nCN=x').get("O")).toEqual(["Example, Inc."]);
  });
});

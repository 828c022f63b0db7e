import { describe, expect, it } from "vitest";
import { compareServedCertificate } from "@/lib/deploy/compare-served-certificate";
import type { ServedCertificate, TlsProbeResult } from "@/lib/deploy/deployment-contracts";
import type { DeployedCertificate } from "@/lib/deploy/describe-certificate-bundle";

const endpoint = { host: "203.0.113.10", port: 443, serverName: "www.example.com" };

function certificate(
  fingerprint: string,
  subject: string,
  serialNumber = fingerprint.toUpperCase(),
): ServedCertificate {
  return {
    serialNumber,
    fingerprintSha256: fingerprint.padEnd(64, "0"),
    subject,
    issuer: "CN=Example CA",
    dnsNames: ["www.example.com"],
    notBefore: new Date("2026-01-01T00:00:00Z"),
    notAfter: new Date("2026-04-01T00:00:00Z"),
  };
}

const leaf = certificate("aa", "CN=www.example.com");
const intermediate = certificate("bb", "CN=Example Intermediate");
const root = certificate("cc", "CN=Example Root");
const deployed: DeployedCertificate = { leaf, intermediates: [intermediate] };

function probe(served: ServedCertificate, chain: ServedCertificate[], trusted = true): TlsProbeResult {
  return { ok: true, leaf: served, chain, trusted, trustError: trusted ? null : "UNABLE_TO_GET_ISSUER_CERT" };
}

describe("compareServedCertificate", () => {
  it("is serving when the leaf has the deployed fingerprint and the chain holds the intermediates", () => {
    expect(compareServedCertificate(endpoint, deployed, probe(leaf, [intermediate, root]))).toEqual({
      status: "SERVING",
      endpoint,
      served: leaf,
      trusted: true,
      trustError: null,
    });
  });

  it("is not serving another certificate, even one with the same names and serial", () => {
    const lookalike = { ...leaf, fingerprintSha256: "dd".padEnd(64, "0") };
    expect(compareServedCertificate(endpoint, deployed, probe(lookalike, [intermediate]))).toMatchObject({
      status: "NOT_SERVING",
      mismatch: "OTHER_CERTIFICATE",
      served: lookalike,
    });
  });

  it("is not serving when the deployed intermediate is missing, and names it", () => {
    expect(compareServedCertificate(endpoint, deployed, probe(leaf, [], false))).toMatchObject({
      status: "NOT_SERVING",
      mismatch: "CHAIN_INCOMPLETE",
      missingIntermediates: ["CN=Example Intermediate"],
      trusted: false,
    });
  });

  it("reports whether the chain is trusted apart from whether it is ours", () => {
    expect(compareServedCertificate(endpoint, deployed, probe(leaf, [intermediate], false))).toMatchObject({
      status: "SERVING",
      trusted: false,
      trustError: "UNABLE_TO_GET_ISSUER_CERT",
    });
  });

  it("passes an unreachable endpoint on", () => {
    expect(
      compareServedCertificate(endpoint, deployed, { ok: false, reason: "TIMEOUT", message: "no answer" }),
    ).toEqual({ status: "UNREACHABLE", endpoint, reason: "TIMEOUT", message: "no answer" });
  });
});

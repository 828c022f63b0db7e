// Certificates for the deployment tests: a root, an intermediate it signed, and leaves the
// intermediate signed (the "old" one a server already has, the "new" one deployed, one for
// another site), as bundles deployment takes. Valid around the real time, so a TLS client
// trusting the root validates what nginx serves.
import { systemNow } from "@/lib/clock";
import type { CertificateBundle } from "@/lib/deploy/deployment-contracts";
import { generateTestKeyPair, issueTestCertificate, type TestCertificate } from "@/testing/issue-test-certificate";

const DAY = 86_400_000;

export type DeployTestAuthority = {
  root: TestCertificate;
  intermediate: TestCertificate;
  /** A leaf for `domain`, with the intermediate (then the root) as its chain. */
  issueBundle(domain: string): CertificateBundle & { serialNumber: string };
};

export function createDeployTestAuthority(): DeployTestAuthority {
  const now = systemNow().getTime();
  const validity = { notBefore: new Date(now - DAY), notAfter: new Date(now + 90 * DAY) };
  const root = issueTestCertificate({
    commonName: "CertDesk Deploy Test Root",
    isCa: true,
    keys: generateTestKeyPair("ec-p256"),
    ...validity,
  });
  const intermediate = issueTestCertificate({
    commonName: "CertDesk Deploy Test Intermediate",
    isCa: true,
    keys: generateTestKeyPair("ec-p256"),
    issuer: root,
    ...validity,
  });
  return {
    root,
    intermediate,
    issueBundle: (domain) => {
      const leaf = issueTestCertificate({
        commonName: domain,
        sans: [domain],
        keys: generateTestKeyPair("ec-p256"),
        issuer: intermediate,
        ...validity,
      });
      return {
        certificatePem: leaf.pem,
        chainPem: `${intermediate.pem}${root.pem}`,
        privateKeyPem: leaf.privateKeyPem,
        serialNumber: leaf.x509.serialNumber.toUpperCase(),
      };
    },
  };
}

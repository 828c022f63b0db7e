// The JSON a deploy webhook receives: the notification webhooks' envelope ({id, kind,
// createdAt, certificateId}) with the certificate, its chain and full chain as PEM, and the
// private key only when the customer asked for it. Pure.
import type { CertificateBundle } from "@/lib/deploy/deployment-contracts";
import { bundleFileContent, describeCertificateBundle } from "@/lib/deploy/describe-certificate-bundle";

export const DEPLOY_WEBHOOK_KIND = "CERTIFICATE_DEPLOY";

export type DeployWebhookEvent = {
  id: string;
  kind: typeof DEPLOY_WEBHOOK_KIND;
  createdAt: string;
  certificateId: string;
  certificate: {
    serialNumber: string;
    fingerprintSha256: string;
    dnsNames: string[];
    notBefore: string;
    notAfter: string;
    certificatePem: string;
    chainPem: string;
    fullChainPem: string;
  };
  privateKeyPem?: string;
};

export function buildDeployWebhookEvent(input: {
  /** The delivery's ID (also the X-CertDesk-Delivery header): the same on every retry. */
  id: string;
  certificateId: string;
  createdAt: Date;
  bundle: CertificateBundle;
  includePrivateKey: boolean;
}): DeployWebhookEvent {
  const { leaf } = describeCertificateBundle(input.bundle);
  return {
    id: input.id,
    kind: DEPLOY_WEBHOOK_KIND,
    createdAt: input.createdAt.toISOString(),
    certificateId: input.certificateId,
    certificate: {
      serialNumber: leaf.serialNumber,
      fingerprintSha256: leaf.fingerprintSha256,
      dnsNames: leaf.dnsNames,
      notBefore: leaf.notBefore.toISOString(),
      notAfter: leaf.notAfter.toISOString(),
      certificatePem: bundleFileContent(input.bundle, "certificate"),
      chainPem: bundleFileContent(input.bundle, "chain"),
      fullChainPem: bundleFileContent(input.bundle, "fullChain"),
    },
    ...(input.includePrivateKey ? { privateKeyPem: bundleFileContent(input.bundle, "privateKey") } : {}),
  };
}

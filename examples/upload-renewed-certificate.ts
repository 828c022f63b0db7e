// Uploads a certificate renewed elsewhere (acme.sh, certbot, lego…) to CertDesk with the
// original's official Node.js SDK, unchanged but for the endpoint: run it from the ACME
// client's deploy or renew hook.
//
//   CERTDESK_ENDPOINT=certdesk.example.com CERTDESK_SECRET_ID=AKID… CERTDESK_SECRET_KEY=… \
//     npx tsx examples/upload-renewed-certificate.ts fullchain.pem privkey.pem [alias]
//
// CERTDESK_PROTOCOL=http:// for a CertDesk without TLS (a test server). It prints the new
// certificate's id; with REPLACE_CERTIFICATE_ID set it then deletes the certificate it renews.
import { readFile } from "node:fs/promises";
// The file path, not the folder: Node resolves no folder import from an ES module.
import { ssl } from "tencentcloud-sdk-nodejs/tencentcloud/services/ssl/index.js";

export type UploadOptions = {
  endpoint: string;
  protocol?: "https://" | "http://";
  secretId: string;
  secretKey: string;
  fullChainPem: string;
  privateKeyPem: string;
  alias?: string;
  /** The certificate this one renews, deleted once the upload succeeded. */
  replaceCertificateId?: string;
};

export async function uploadRenewedCertificate(options: UploadOptions): Promise<string> {
  const client = new ssl.v20191205.Client({
    credential: { secretId: options.secretId, secretKey: options.secretKey },
    profile: { httpProfile: { endpoint: options.endpoint, protocol: options.protocol ?? "https://" } },
  });
  const uploaded = await client.UploadCertificate({
    CertificatePublicKey: options.fullChainPem,
    CertificatePrivateKey: options.privateKeyPem,
    Alias: options.alias,
    // Uploading the same certificate twice (a hook run again) answers the one already there.
    Repeatable: false,
  });
  if (uploaded.RepeatCertId) return uploaded.RepeatCertId;
  const certificateId = uploaded.CertificateId;
  if (!certificateId) throw new Error("CertDesk answered without a certificate id");
  // Only after a new upload: a run that found the certificate there has done this already.
  if (options.replaceCertificateId && options.replaceCertificateId !== certificateId) {
    await client.DeleteCertificate({ CertificateId: options.replaceCertificateId });
  }
  return certificateId;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Set ${name} (see the comment at the top of this file).`);
  return value;
}

async function main(argv: string[]): Promise<void> {
  const [chainPath, keyPath, alias] = argv;
  if (!chainPath || !keyPath) throw new Error("Usage: upload-renewed-certificate.ts fullchain.pem privkey.pem [alias]");
  const protocol = process.env.CERTDESK_PROTOCOL === "http://" ? "http://" : "https://";
  const certificateId = await uploadRenewedCertificate({
    endpoint: required("CERTDESK_ENDPOINT"),
    protocol,
    secretId: required("CERTDESK_SECRET_ID"),
    secretKey: required("CERTDESK_SECRET_KEY"),
    fullChainPem: await readFile(chainPath, "utf8"),
    privateKeyPem: await readFile(keyPath, "utf8"),
    alias,
    replaceCertificateId: process.env.REPLACE_CERTIFICATE_ID,
  });
  console.log(certificateId);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}

// Every secret a deployment handles, so its step log can redact each of them wherever a
// server's output or an error message quotes one.
import type { CertificateBundle, SshCredentials } from "@/lib/deploy/deployment-contracts";

export function secretsOfDeployment(credentials: SshCredentials | null, bundle: CertificateBundle | null): string[] {
  const secrets: string[] = [];
  if (credentials?.kind === "password") secrets.push(credentials.password);
  if (credentials?.kind === "privateKey") {
    secrets.push(credentials.privateKey);
    if (credentials.passphrase) secrets.push(credentials.passphrase);
  }
  if (bundle) secrets.push(bundle.privateKeyPem);
  return secrets;
}

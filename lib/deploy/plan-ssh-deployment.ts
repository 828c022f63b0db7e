// Where each file of an SSH deployment goes: written first under a temporary name in the
// target's own folder (a rename is atomic only within one file system, and a folder is), the
// file already there kept under a backup name beside it. Pure.
import path from "node:path";
import type { CertificateBundle, DeployFileKind, SshDeployFile } from "@/lib/deploy/deployment-contracts";
import { bundleFileContent } from "@/lib/deploy/describe-certificate-bundle";

export const BACKUP_SUFFIX = ".certdesk-previous";

export type PlannedFile = {
  kind: DeployFileKind;
  path: string;
  mode: number;
  content: string;
  tempPath: string;
  backupPath: string;
};

/** `token`: random, so two deployments at once never write the same temporary file. */
export function planSshDeployment(
  files: readonly SshDeployFile[],
  bundle: CertificateBundle,
  token: string,
): PlannedFile[] {
  const seen = new Set<string>();
  return files.map((file) => {
    const target = path.posix.normalize(file.path);
    if (!path.posix.isAbsolute(target) || target.endsWith("/"))
      throw new Error(`Not an absolute file path: ${file.path}`);
    if (seen.has(target)) throw new Error(`Two files are deployed to ${target}`);
    seen.add(target);
    return {
      kind: file.kind,
      path: target,
      mode: file.mode,
      content: bundleFileContent(bundle, file.kind),
      tempPath: path.posix.join(path.posix.dirname(target), `.${path.posix.basename(target)}.certdesk-${token}.tmp`),
      backupPath: `${target}${BACKUP_SUFFIX}`,
    };
  });
}

/** "0600", as `ls -l` users think of modes. */
export function formatMode(mode: number): string {
  return `0${mode.toString(8).padStart(3, "0")}`;
}

export const FILE_KIND_LABELS: Record<DeployFileKind, string> = {
  certificate: "certificate",
  chain: "chain",
  fullChain: "full chain",
  privateKey: "private key",
};

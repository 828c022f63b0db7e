// Step one of adding an SSH target: connect once and show the user the server's host key
// fingerprint to compare with `ssh-keygen -lf` on the server. What they confirm becomes the
// pin every later connection is held to.
import "server-only";
import { deployAddressPermit, resolveDeployAddress } from "@/lib/deploy/deploy-address-policy";
import type { DeployFailure, PinnedHostKey } from "@/lib/deploy/deployment-contracts";
import { DEFAULT_SSH_TIMEOUTS, readServerHostKey } from "@/lib/deploy/open-ssh-session";
import { SshDeployError } from "@/lib/deploy/ssh-deploy-error";
import type { PrivateAddressPermit } from "@/lib/notifications/webhook-address-policy";

export type FetchSshHostKeyResult = { ok: true; hostKey: PinnedHostKey } | { ok: false; failure: DeployFailure };

export async function fetchSshHostKey(input: {
  host: string;
  port: number;
  addressPermit?: PrivateAddressPermit;
  timeoutMs?: number;
}): Promise<FetchSshHostKeyResult> {
  const resolved = await resolveDeployAddress(input.host, input.addressPermit ?? deployAddressPermit());
  if (!resolved.ok) return resolved;
  try {
    const hostKey = await readServerHostKey({
      address: resolved.address,
      host: input.host,
      port: input.port,
      timeoutMs: input.timeoutMs ?? DEFAULT_SSH_TIMEOUTS.connectMs,
    });
    return { ok: true, hostKey };
  } catch (error) {
    if (error instanceof SshDeployError) return { ok: false, failure: error.failure };
    throw error;
  }
}

// Connecting to an SSH target for a deployment or a rollback, as logged steps: the host is
// resolved and held to the address policy, then the connection is made to that very address
// and refused before anything is sent if the host key is not the pinned one.
import "server-only";
import type { CreateStepLog } from "@/lib/deploy/create-step-log";
import { resolveDeployAddress } from "@/lib/deploy/deploy-address-policy";
import type { DeployFailure, SshCredentials, SshTargetSettings } from "@/lib/deploy/deployment-contracts";
import { openSshSession, type SshSession, type SshTimeouts } from "@/lib/deploy/open-ssh-session";
import { SshDeployError } from "@/lib/deploy/ssh-deploy-error";
import type { PrivateAddressPermit } from "@/lib/notifications/webhook-address-policy";

export type ConnectSshTargetResult = { ok: true; session: SshSession } | { ok: false; failure: DeployFailure };

export async function connectSshTarget(input: {
  target: SshTargetSettings;
  credentials: SshCredentials;
  addressPermit: PrivateAddressPermit;
  timeouts: SshTimeouts;
  log: CreateStepLog;
}): Promise<ConnectSshTargetResult> {
  const { target, log } = input;
  const where = `${target.host}:${target.port}`;
  const resolving = log.start("resolve", { summary: `Resolve ${target.host}` });
  const resolved = await resolveDeployAddress(target.host, input.addressPermit);
  if (!resolved.ok) {
    resolving.fail({ summary: resolved.failure.message });
    return resolved;
  }
  resolving.ok({ summary: `${target.host} is ${resolved.address}` });

  const connecting = log.start("connect", { summary: `Log in to ${where} as ${target.username}` });
  try {
    const session = await openSshSession({
      address: resolved.address,
      host: target.host,
      port: target.port,
      username: target.username,
      credentials: input.credentials,
      pinned: target.hostKey,
      timeouts: input.timeouts,
    });
    connecting.ok({
      summary: `Logged in to ${where} as ${target.username}; host key ${session.hostKey.fingerprint} is the pinned one`,
    });
    return { ok: true, session };
  } catch (error) {
    if (!(error instanceof SshDeployError)) throw error;
    connecting.fail({ summary: error.failure.message });
    return { ok: false, failure: error.failure };
  }
}

// How targets and deployments are shown: plain JSON for the console (dates as ISO strings),
// never a secret. The rules of what may be done with a deployment (Verify, Roll back) are
// here once, for the views; the use cases hold the server to the same conditions. Pure.
import type { DeploymentVerification, SshDeploymentRecord, TlsEndpoint } from "@/lib/deploy/deployment-contracts";
import { type DeploymentLogEntry, readDeploymentLog } from "@/lib/deployment-targets/deployment-log";
import type { DeploymentFailureReason } from "@/lib/deployment-targets/plan-deployment-outcome";
import type { ReadTarget } from "@/lib/deployment-targets/read-deployment-target";
import type {
  DeploymentTargetKind,
  DeploymentVerificationStatus,
  TargetDeploymentStatus,
  TargetDeploymentTrigger,
} from "@/lib/generated/prisma/enums";
import { webhookOrigin } from "@/lib/notifications/webhook-url";

export type DeploymentSummary = {
  id: string;
  certificateId: string;
  domain: string;
  trigger: TargetDeploymentTrigger;
  status: TargetDeploymentStatus;
  verificationStatus: DeploymentVerificationStatus | null;
  verifiedAt: string | null;
  failureReason: DeploymentFailureReason | null;
  failureMessage: string | null;
  /** PENDING: when it is tried again. */
  nextAttemptAt: string | null;
  attempts: number;
  createdAt: string;
  finishedAt: string | null;
};

export type DeploymentTargetView = {
  id: string;
  kind: DeploymentTargetKind;
  name: string;
  /** "host:port" of an SSH server, the origin of a webhook (its path may carry a token). */
  address: string;
  ssh:
    | (Omit<NonNullable<ReadTarget["ssh"]>, "files"> & {
        files: { kind: string; path: string; mode: number }[];
      })
    | null;
  webhook: { url: string; includePrivateKey: boolean } | null;
  endpoints: TlsEndpoint[];
  certificate: { id: string; domain: string } | null;
  createdAt: string;
};

export type DeploymentDetail = DeploymentSummary & {
  log: DeploymentLogEntry[];
  verification: DeploymentVerification | null;
  rolledBackAt: string | null;
  canVerify: boolean;
  canRollBack: boolean;
};

type DeploymentRow = {
  id: string;
  certificateId: string;
  trigger: TargetDeploymentTrigger;
  status: TargetDeploymentStatus;
  verificationStatus: DeploymentVerificationStatus | null;
  verifiedAt: Date | null;
  failureReason: string | null;
  failureMessage: string | null;
  nextAttemptAt: Date | null;
  attempts: number;
  createdAt: Date;
  finishedAt: Date | null;
  certificate: { domain: string };
};

export function toDeploymentSummary(row: DeploymentRow): DeploymentSummary {
  return {
    id: row.id,
    certificateId: row.certificateId,
    domain: row.certificate.domain,
    trigger: row.trigger,
    status: row.status,
    verificationStatus: row.verificationStatus,
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
    failureReason: (row.failureReason as DeploymentFailureReason | null) ?? null,
    failureMessage: row.failureMessage,
    nextAttemptAt: row.status === "PENDING" ? (row.nextAttemptAt?.toISOString() ?? null) : null,
    attempts: row.attempts,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export function toDeploymentTargetView(
  row: { id: string; createdAt: Date; certificate: { id: string; domain: string } | null },
  read: ReadTarget,
  name: string,
): DeploymentTargetView {
  return {
    id: row.id,
    kind: read.kind,
    name,
    address: read.kind === "SSH" ? `${formatHost(read.ssh.host)}:${read.ssh.port}` : webhookOrigin(read.webhook.url),
    ssh: read.ssh,
    webhook: read.webhook,
    endpoints: read.endpoints,
    certificate: row.certificate,
    createdAt: row.createdAt.toISOString(),
  };
}

/** An IPv6 address in brackets, so "host:port" stays readable. */
export function formatHost(host: string): string {
  return host.includes(":") ? `[${host}]` : host;
}

export function toDeploymentDetail(
  row: DeploymentRow & {
    log: unknown;
    verification: unknown;
    record: unknown;
    rolledBackAt: Date | null;
  },
  context: { target: ReadTarget; latestOnTarget: boolean },
): DeploymentDetail {
  return {
    ...toDeploymentSummary(row),
    log: readDeploymentLog(row.log),
    verification: (row.verification as DeploymentVerification | null) ?? null,
    rolledBackAt: row.rolledBackAt?.toISOString() ?? null,
    canVerify: canVerify(row.status, context.target.endpoints.length),
    canRollBack: canRollBack({
      status: row.status,
      record: row.record as SshDeploymentRecord | null,
      target: context.target,
      latestOnTarget: context.latestOnTarget,
    }),
  };
}

export function canVerify(status: TargetDeploymentStatus, endpointCount: number): boolean {
  return (status === "DEPLOYED" || status === "NEEDS_ATTENTION") && endpointCount > 0;
}

/**
 * The Roll back button: an SSH target's latest deployment whose files are in place and
 * whose predecessors were kept, when the customer did not choose automatic rollback (with
 * it, a failed reload or verification has already rolled back), or when that failed.
 */
export function canRollBack(input: {
  status: TargetDeploymentStatus;
  record: SshDeploymentRecord | null;
  target: ReadTarget;
  latestOnTarget: boolean;
}): boolean {
  if (input.target.kind !== "SSH" || !input.latestOnTarget) return false;
  if (!input.record?.files?.some((file) => file.backupPath !== null)) return false;
  if (input.status === "NEEDS_ATTENTION") return true;
  return input.status === "DEPLOYED" && !input.target.ssh.autoRollback;
}

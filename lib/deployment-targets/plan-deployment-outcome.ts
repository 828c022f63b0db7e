// What one attempt at a deployment leaves behind: the deployment's status, whether and when
// it is tried again, whether the target now serves the certificate, and which notice the
// customer gets. One rule for the console's Deploy button, the renewal job and the Verify
// button's re-check. Pure, so every case is tested without a server.
//
// Retries: only automatic deployments (after a renewal) are retried, on the notification
// webhooks' schedule (1 min, 5 min, 30 min, 2 h, 12 h: lib/notifications/webhook-retry.ts),
// whatever failed, as long as the server is as it was (nothing deployed, or rolled back);
// a deployment that needs someone's attention is not touched again. The customer hears of
// the first failure (with the retry's time), of the last one, and of success, once each.
import type {
  DeployFailure,
  DeployFailureReason,
  DeploymentVerification,
  SshDeploymentRecord,
} from "@/lib/deploy/deployment-contracts";
import type {
  DeploymentVerificationStatus,
  NotificationKind,
  TargetDeploymentStatus,
  TargetDeploymentTrigger,
} from "@/lib/generated/prisma/enums";
import { nextWebhookAttemptAt } from "@/lib/notifications/webhook-retry";

/** Why a deployment did not end serving: lib/deploy's reasons and those of the product around it. */
export type DeploymentFailureReason =
  | DeployFailureReason
  /** Deployed, but an endpoint served another certificate (or ours without its chain). */
  | "NOT_SERVING"
  /** The certificate's key is not held by CertDesk (a CSR's, an upload without one): SSH needs it. */
  | "NO_PRIVATE_KEY"
  /** Not issued, expired, or without its files. */
  | "CERTIFICATE_NOT_DEPLOYABLE"
  /** The target's sealed credentials or secret do not open (the encryption key changed). */
  | "SECRETS_UNREADABLE"
  /** The process running the attempt ended before it did. */
  | "INTERRUPTED";

export type AttemptResult =
  /** Files in place and reloaded, or the webhook answered 2xx; verification null: no endpoint to check. */
  | { kind: "deployed"; verification: DeploymentVerification | null; record: SshDeploymentRecord | null }
  /** The previous files are back (after a failed reload, or a verification that found another certificate). */
  | { kind: "rolled-back"; failure: DeployFailure | { reason: DeploymentFailureReason; message: string } }
  /** Nothing changed on the server. */
  | { kind: "not-deployed"; failure: { reason: DeploymentFailureReason; message: string }; permanent?: boolean }
  /** Changed and not put back. */
  | { kind: "needs-attention"; failure: { reason: DeploymentFailureReason; message: string } };

export type PlannedNotice = {
  kind: Extract<NotificationKind, "CERTIFICATE_DEPLOYED" | "DEPLOYMENT_NOT_SERVING" | "DEPLOYMENT_FAILED">;
  /** Unique per deployment and occasion: the notice is created once however many runs see it. */
  dedupeKey: string;
  retryAt: Date | null;
};

export type DeploymentOutcome = {
  status: TargetDeploymentStatus;
  /** PENDING: when the next attempt is due (wall time). */
  nextAttemptAt: Date | null;
  verificationStatus: DeploymentVerificationStatus | null;
  failure: { reason: DeploymentFailureReason; message: string } | null;
  /** The target serves this certificate's files now: its certificate becomes this one. */
  bindsCertificate: boolean;
  notice: PlannedNotice | null;
};

export function planDeploymentOutcome(input: {
  deploymentId: string;
  trigger: TargetDeploymentTrigger;
  /** The attempt that just ended (1 for the first). */
  attempt: number;
  result: AttemptResult;
  /** Wall time (the retry schedule). */
  realNow: Date;
}): DeploymentOutcome {
  const { result, deploymentId } = input;
  const automatic = input.trigger === "RENEWAL";
  const notice = (kind: PlannedNotice["kind"], occasion: string, retryAt: Date | null = null) =>
    automatic ? { kind, dedupeKey: `deploy:${deploymentId}:${occasion}`, retryAt } : null;

  if (result.kind === "deployed") {
    const serving = result.verification === null || result.verification.status === "SERVING";
    return {
      status: "DEPLOYED",
      nextAttemptAt: null,
      verificationStatus: result.verification ? result.verification.status : null,
      failure: serving ? null : { reason: "NOT_SERVING", message: describeNotServing(result.verification) },
      bindsCertificate: true,
      notice: serving ? notice("CERTIFICATE_DEPLOYED", "serving") : notice("DEPLOYMENT_NOT_SERVING", "not-serving"),
    };
  }
  const failure = { reason: result.failure.reason, message: result.failure.message };
  if (result.kind === "needs-attention") {
    return {
      status: "NEEDS_ATTENTION",
      nextAttemptAt: null,
      verificationStatus: null,
      failure,
      bindsCertificate: false,
      notice: notice("DEPLOYMENT_FAILED", "final"),
    };
  }
  const retryable = automatic && !(result.kind === "not-deployed" && result.permanent);
  const nextAttemptAt = retryable ? nextWebhookAttemptAt(input.attempt, input.realNow) : null;
  const finalStatus = result.kind === "rolled-back" ? "ROLLED_BACK" : "FAILED";
  return {
    status: nextAttemptAt ? "PENDING" : finalStatus,
    nextAttemptAt,
    verificationStatus: null,
    failure,
    bindsCertificate: false,
    // The first failure says when it is tried again; later ones say nothing until the last.
    notice: nextAttemptAt
      ? input.attempt === 1
        ? notice("DEPLOYMENT_FAILED", "failed", nextAttemptAt)
        : null
      : notice("DEPLOYMENT_FAILED", "final"),
  };
}

/**
 * What a verification that is not "serving" calls for: a rollback when an endpoint answered
 * with something else than what was deployed; nothing when endpoints only could not be
 * reached (the deployment may be fine: it is checked again later).
 */
export function verificationCallsForRollback(verification: DeploymentVerification): boolean {
  return verification.status === "NOT_SERVING" && verification.endpoints.some((e) => e.status === "NOT_SERVING");
}

/** One English sentence for the log and operators; the console shows each endpoint itself. */
export function describeNotServing(verification: DeploymentVerification | null): string {
  if (!verification) return "";
  const parts = verification.endpoints.flatMap((endpoint) => {
    const where = `${endpoint.endpoint.host}:${endpoint.endpoint.port} (${endpoint.endpoint.serverName})`;
    if (endpoint.status === "SERVING") return [];
    if (endpoint.status === "UNREACHABLE") return [`${where} could not be checked: ${endpoint.message}`];
    return endpoint.mismatch === "CHAIN_INCOMPLETE"
      ? [`${where} serves the certificate without ${endpoint.missingIntermediates.join(", ")}`]
      : [`${where} serves serial ${endpoint.served.serialNumber} (${endpoint.served.subject})`];
  });
  return parts.join("; ").slice(0, 1_000);
}

import "server-only";
import { systemNow } from "@/lib/clock";
import { db } from "@/lib/db/client";
import { logger } from "@/lib/logger";
import { createScheduledNotices } from "@/lib/notifications/create-scheduled-notices";
import { deliverWebhooks } from "@/lib/notifications/deliver-webhooks";
import { sendPendingEmails } from "@/lib/notifications/send-pending-emails";
import { advanceAcmeCertificates } from "@/lib/renewal-job/advance-acme-certificates";
import { deductDueRenewals } from "@/lib/renewal-job/deduct-due-renewals";
import { deployRenewedCertificates } from "@/lib/renewal-job/deploy-renewed-certificates";
import { issueValidatedCertificates } from "@/lib/renewal-job/issue-validated-certificates";
import {
  EMPTY_COUNTS,
  type JobCounts,
  type JobRunError,
  type JobRunView,
  type JobStep,
  STALE_RUN_MS,
  toJobRunView,
} from "@/lib/renewal-job/job-runs";
import { maintainHostedDns } from "@/lib/renewal-job/maintain-hosted-dns";
import { timeOutPendingValidations } from "@/lib/renewal-job/time-out-pending-validations";
import { validatePendingCertificates } from "@/lib/renewal-job/validate-pending-certificates";

/**
 * Runs every step of a created run in order — deduct, validate, issue, deploy, time out,
 * DNS (records to the DNS server and away from it, delegations), notify (in-app, e-mail, webhooks) — with the run's own "now", recording progress on the run row as it goes
 * (the admin page polls it). A failure ends the run as FAILED with the error; what
 * committed before it stays, and the next run picks up the rest.
 */
export async function executeJobRun(runId: string): Promise<JobRunView> {
  const run = await db.jobRun.findUniqueOrThrow({ where: { id: runId } });
  const now = run.clockNow;
  const counts: JobCounts = { ...EMPTY_COUNTS };
  const errors: JobRunError[] = [];
  let step: JobStep = "deduct";
  const progress = (current: JobStep) =>
    db.jobRun.update({
      where: { id: runId },
      data: { heartbeatAt: systemNow(), currentStep: current, counts, errors },
    });

  try {
    await failStaleRuns(runId);

    await progress(step);
    const deducted = await deductDueRenewals({
      now,
      jobRunId: runId,
      onBatch: async (partial) => {
        Object.assign(counts, {
          deducted: partial.deducted,
          terminatedInsufficientBalance: partial.terminatedInsufficientBalance,
          terminatedExpired: partial.terminatedExpired,
          terminatedNotEligible: partial.terminatedNotEligible,
        });
        await progress("deduct");
      },
    });
    for (const error of deducted.errors) errors.push({ step: "deduct", ...error });

    step = "validate";
    await progress(step);
    const validated = await validatePendingCertificates({ now });
    counts.validated = validated.validated;
    for (const error of validated.errors) errors.push({ step: "validate", ...error });
    // Certificates of an ACME issuer: validated, and when ready issued, by their CA.
    const acme = await advanceAcmeCertificates({ now });
    for (const error of acme.errors) errors.push({ step: "validate", ...error });

    step = "issue";
    await progress(step);
    const issued = await issueValidatedCertificates({ now });
    counts.issued = issued.issued + acme.issued;
    for (const error of issued.errors) errors.push({ step: "issue", ...error });

    step = "deploy";
    await progress(step);
    const deployed = await deployRenewedCertificates({ now, realNow: systemNow, onProgress: () => progress("deploy") });
    Object.assign(counts, {
      deployed: deployed.deployed,
      deployFailed: deployed.failed,
      deployRetrying: deployed.retrying,
      reverified: deployed.reverified,
    });
    for (const error of deployed.errors) errors.push({ step: "deploy", ...error });

    step = "timeout";
    await progress(step);
    const timedOut = await timeOutPendingValidations({ now });
    counts.timedOut = timedOut.timedOut;
    counts.refunded = timedOut.refunded;
    for (const error of timedOut.errors) errors.push({ step: "timeout", ...error });

    step = "dns";
    await progress(step);
    const dns = await maintainHostedDns({ now, realNow: systemNow });
    counts.dnsRecordsPublished = dns.recordsPublished;
    counts.dnsRecordsRemoved = dns.recordsRemoved;
    counts.delegationsChecked = dns.delegationsChecked;
    for (const error of dns.errors) errors.push({ step: "dns", ...error });

    step = "notify";
    await progress(step);
    counts.notificationsCreated = await createScheduledNotices(now);
    counts.emailsSent = (await sendPendingEmails()).sent;
    // Every notice made since the last run (by any step or action) goes to the owner's webhook;
    // failed deliveries are retried by later runs once their backoff has passed.
    counts.webhooksDelivered = (await deliverWebhooks({ now, realNow: systemNow() })).delivered;

    counts.errors = errors.length;
    const finished = await db.jobRun.update({
      where: { id: runId },
      data: {
        status: "SUCCEEDED",
        finishedAt: systemNow(),
        heartbeatAt: systemNow(),
        currentStep: null,
        counts,
        errors,
      },
    });
    logger.info({ runId, counts }, "renewal job run finished");
    return toJobRunView(finished);
  } catch (error) {
    logger.error({ err: error, runId, step }, "renewal job run failed");
    errors.push({ step, message: error instanceof Error ? error.message : String(error) });
    counts.errors = errors.length;
    return recordFailure(runId, counts, errors);
  }
}

/** Runs whose process died (no heartbeat for a while) are closed as failed. */
async function failStaleRuns(currentRunId: string): Promise<void> {
  const stale = await db.jobRun.findMany({
    where: {
      id: { not: currentRunId },
      status: "RUNNING",
      heartbeatAt: { lt: new Date(systemNow().getTime() - STALE_RUN_MS) },
    },
    select: { id: true, errors: true, currentStep: true },
  });
  for (const run of stale) {
    const previous = Array.isArray(run.errors) ? run.errors : [];
    await db.jobRun.updateMany({
      where: { id: run.id, status: "RUNNING" },
      data: {
        status: "FAILED",
        finishedAt: systemNow(),
        errors: [
          ...previous,
          { step: run.currentStep ?? "deduct", message: "The run stopped without finishing (its process ended)." },
        ],
      },
    });
  }
}

// The failure may be the database itself (a restart): keep trying to record it for a
// while, so the run does not stay "running" until the stale-run sweep closes it.
async function recordFailure(runId: string, counts: JobCounts, errors: JobRunError[]): Promise<JobRunView> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 8; attempt++) {
    try {
      const failed = await db.jobRun.update({
        where: { id: runId },
        data: {
          status: "FAILED",
          finishedAt: systemNow(),
          heartbeatAt: systemNow(),
          currentStep: null,
          counts,
          errors,
        },
      });
      return toJobRunView(failed);
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 250 * 2 ** attempt));
    }
  }
  throw lastError;
}

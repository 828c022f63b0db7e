// One attempt at a deploy webhook: the event, signed like every CertDesk webhook, POSTed
// under the notification webhooks' rules (https, or http to localhost; no redirects; 10 s;
// the address policy checked on the address connected to, here with the deployment allow-
// list). A failed attempt says when the next one is due, on the notification webhooks'
// retry schedule, or that it is the last.
import "server-only";
import { systemNow } from "@/lib/clock";
import { buildDeployWebhookEvent } from "@/lib/deploy/build-deploy-webhook-event";
import { createStepLog } from "@/lib/deploy/create-step-log";
import { deployAddressPermit, resolveDeployAddress } from "@/lib/deploy/deploy-address-policy";
import type {
  CertificateBundle,
  DeployFailure,
  WebhookDeployResult,
  WebhookTargetSettings,
} from "@/lib/deploy/deployment-contracts";
import { postWebhook } from "@/lib/notifications/post-webhook";
import { signedWebhookHeaders } from "@/lib/notifications/sign-webhook";
import type { PrivateAddressPermit } from "@/lib/notifications/webhook-address-policy";
import { nextWebhookAttemptAt, WEBHOOK_MAX_ATTEMPTS } from "@/lib/notifications/webhook-retry";
import { checkWebhookUrl, webhookOrigin } from "@/lib/notifications/webhook-url";

export async function postDeployWebhook(input: {
  target: WebhookTargetSettings;
  /** The target's signing secret (whsec_…), opened from its sealed form. */
  signingSecret: string;
  bundle: CertificateBundle;
  certificateId: string;
  /** The same on every retry of this deployment. */
  deliveryId: string;
  /** 1 for the first attempt. */
  attempt: number;
  /** Wall time (lib/clock systemNow): the event's time, the signature's timestamp, the retry schedule. */
  now: Date;
  addressPermit?: PrivateAddressPermit;
  timeoutMs?: number;
}): Promise<WebhookDeployResult> {
  const log = createStepLog(systemNow, [input.signingSecret, input.bundle.privateKeyPem]);
  const origin = webhookOrigin(input.target.url);
  const failed = (failure: DeployFailure, httpStatus: number | null): WebhookDeployResult => ({
    status: "FAILED",
    failure,
    httpStatus,
    nextAttemptAt: input.attempt >= WEBHOOK_MAX_ATTEMPTS ? null : nextWebhookAttemptAt(input.attempt, input.now),
    steps: log.steps,
  });

  const step = log.start("post", { summary: `POST the signed deployment event to ${origin}` });
  const url = checkWebhookUrl(input.target.url);
  if (!url.ok) {
    const failure: DeployFailure = { reason: "FAILED", message: `The webhook URL is not usable (${url.problem})` };
    step.fail({ summary: failure.message });
    return failed(failure, null);
  }
  const permit = input.addressPermit ?? deployAddressPermit();
  // Checked here for a typed reason; postWebhook checks again on the address it connects to.
  const resolved = await resolveDeployAddress(url.url.hostname, permit);
  if (!resolved.ok) {
    step.fail({ summary: resolved.failure.message });
    return failed(resolved.failure, null);
  }

  const body = JSON.stringify(
    buildDeployWebhookEvent({
      id: input.deliveryId,
      certificateId: input.certificateId,
      createdAt: input.now,
      bundle: input.bundle,
      includePrivateKey: input.target.includePrivateKey,
    }),
  );
  const response = await postWebhook({
    url: url.url.href,
    body,
    headers: signedWebhookHeaders({
      body,
      secret: input.signingSecret,
      deliveryId: input.deliveryId,
      sentAt: input.now,
    }),
    allowPrivate: permit,
    timeoutMs: input.timeoutMs,
  });
  if (response.ok) {
    step.ok({ summary: `${origin} answered HTTP ${response.status}` });
    return { status: "DELIVERED", httpStatus: response.status, steps: log.steps };
  }
  const failure: DeployFailure = { reason: "WEBHOOK_FAILED", message: `${origin}: ${response.error}` };
  step.fail({ summary: failure.message });
  return failed(failure, response.status);
}

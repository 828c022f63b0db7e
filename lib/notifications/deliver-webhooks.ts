import "server-only";
import { sql } from "kysely";
import { db } from "@/lib/db/client";
import { queryRows, sqlBuilder } from "@/lib/db/typed-sql";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { logger } from "@/lib/logger";
import { enqueueWebhookDeliveries } from "@/lib/notifications/enqueue-webhook-deliveries";
import { postWebhook } from "@/lib/notifications/post-webhook";
import { signedWebhookHeaders } from "@/lib/notifications/sign-webhook";
import { allowsPrivateWebhookAddresses } from "@/lib/notifications/webhook-address-policy";
import { nextWebhookAttemptAt, WEBHOOK_MAX_ATTEMPTS } from "@/lib/notifications/webhook-retry";
import { openWebhookSecret } from "@/lib/notifications/webhook-secret";
import { webhookOrigin } from "@/lib/notifications/webhook-url";

export type WebhookStepResult = { delivered: number; failed: number; retried: number };

/** A claimed delivery is someone's for this long; if its run dies, the next one retries it after that. */
const CLAIM_LEASE_MS = 10 * 60_000;
const BATCH_SIZE = 20;

/**
 * Job step "notify", after the notices and e-mails: queues a delivery for each new notice of
 * an owner with a webhook, then POSTs the due ones as JSON {id, kind, createdAt,
 * certificateId, params}, signed (X-CertDesk-Signature: sha256=HMAC of the raw body). A
 * failure is retried after 1 min, 5 min, 30 min, 2 h and 12 h, then the delivery has FAILED.
 *
 * Deliveries are claimed with FOR UPDATE SKIP LOCKED in a statement that also counts the
 * attempt and leases the row (nextAttemptAt moves forward), so overlapping runs never send
 * one twice; the requests then go out without holding a transaction open. `now` is the
 * job's clock (which notices are new); `realNow` is wall time (retry schedule, timestamps).
 */
export async function deliverWebhooks({ now, realNow }: { now: Date; realNow: Date }): Promise<WebhookStepResult> {
  const result: WebhookStepResult = { delivered: 0, failed: 0, retried: 0 };
  await enqueueWebhookDeliveries({ now, realNow });
  const allowPrivate = allowsPrivateWebhookAddresses();
  for (;;) {
    const claimed = await claimDueDeliveries(realNow, BATCH_SIZE);
    const outcomes = await Promise.all(claimed.map((delivery) => deliver(delivery, realNow, allowPrivate)));
    for (const outcome of outcomes) if (outcome !== "skipped") result[outcome] += 1;
    if (claimed.length < BATCH_SIZE) return result;
  }
}

function claimDueDeliveries(realNow: Date, limit: number) {
  const leaseUntil = new Date(realNow.getTime() + CLAIM_LEASE_MS);
  return queryRows(
    db,
    sqlBuilder
      .with("due", (db) =>
        db
          .selectFrom("WebhookDelivery as d")
          .select("d.id")
          .where("d.status", "=", sql.lit("PENDING"))
          .where((eb) => eb.or([eb("d.nextAttemptAt", "is", null), eb("d.nextAttemptAt", "<=", realNow)]))
          .orderBy("d.nextAttemptAt", (order) => order.nullsFirst())
          .orderBy("d.createdAt")
          .orderBy("d.id")
          .limit(limit)
          .forUpdate()
          .skipLocked(),
      )
      .with("claimed", (db) =>
        db
          .updateTable("WebhookDelivery as d")
          .from("due")
          .set((eb) => ({ attempts: eb("d.attempts", "+", sql.lit(1)), nextAttemptAt: leaseUntil }))
          .whereRef("d.id", "=", "due.id")
          .returning(["d.id", "d.url", "d.attempts", "d.notificationId"]),
      )
      .selectFrom("claimed as c")
      .innerJoin("Notification as n", "n.id", "c.notificationId")
      .leftJoin("NotificationSettings as s", "s.ownerId", "n.ownerId")
      .select((eb) => [
        "c.id",
        "c.url",
        "c.attempts",
        "c.notificationId",
        "n.ownerId",
        eb.cast<NotificationKind>("n.kind", "text").as("kind"),
        "n.certificateId",
        "n.params",
        "n.createdAt as notificationCreatedAt",
        "s.webhookUrl as currentUrl",
        "s.webhookSecretEncrypted",
      ]),
  );
}

type Claimed = Awaited<ReturnType<typeof claimDueDeliveries>>[number];

async function deliver(
  delivery: Claimed,
  realNow: Date,
  allowPrivate: boolean,
): Promise<keyof WebhookStepResult | "skipped"> {
  // Settings changed since it was queued (the settings update skips these too; this closes the race).
  if (delivery.currentUrl !== delivery.url) {
    await record(delivery, {
      status: "SKIPPED",
      nextAttemptAt: null,
      lastError: "The webhook URL was changed or removed.",
    });
    return "skipped";
  }
  let secret: string;
  try {
    if (!delivery.webhookSecretEncrypted) throw new Error("no signing secret");
    secret = openWebhookSecret(delivery.webhookSecretEncrypted, delivery.ownerId);
  } catch (error) {
    logger.error({ err: error, deliveryId: delivery.id }, "webhook signing secret unavailable");
    return fail(delivery, realNow, null, "The signing secret could not be read; rotate it in the settings.");
  }

  const body = JSON.stringify({
    id: delivery.notificationId,
    kind: delivery.kind,
    createdAt: delivery.notificationCreatedAt.toISOString(),
    certificateId: delivery.certificateId,
    params: delivery.params ?? {},
  });
  const response = await postWebhook({
    url: delivery.url,
    body,
    allowPrivate,
    headers: signedWebhookHeaders({ body, secret, deliveryId: delivery.id, sentAt: realNow }),
  });
  if (response.ok) {
    await record(delivery, {
      status: "SENT",
      deliveredAt: realNow,
      nextAttemptAt: null,
      responseStatus: response.status,
      lastError: null,
    });
    return "delivered";
  }
  logger.warn(
    { deliveryId: delivery.id, origin: webhookOrigin(delivery.url), attempt: delivery.attempts, error: response.error },
    "webhook delivery failed",
  );
  return fail(delivery, realNow, response.status, response.error);
}

async function fail(
  delivery: Claimed,
  realNow: Date,
  status: number | null,
  error: string,
): Promise<"failed" | "retried"> {
  const next = delivery.attempts >= WEBHOOK_MAX_ATTEMPTS ? null : nextWebhookAttemptAt(delivery.attempts, realNow);
  await record(delivery, {
    status: next ? "PENDING" : "FAILED",
    nextAttemptAt: next,
    responseStatus: status,
    lastError: error.slice(0, 500),
  });
  return next ? "retried" : "failed";
}

/** Writes the outcome only if the row is still this attempt's (nothing else changed it meanwhile). */
async function record(
  delivery: Claimed,
  data: {
    status: "SENT" | "PENDING" | "FAILED" | "SKIPPED";
    nextAttemptAt: Date | null;
    deliveredAt?: Date;
    responseStatus?: number | null;
    lastError: string | null;
  },
): Promise<void> {
  await db.webhookDelivery.updateMany({
    where: { id: delivery.id, attempts: delivery.attempts, status: "PENDING" },
    data,
  });
}

import "server-only";
import { sql } from "kysely";
import { db } from "@/lib/db/client";
import { executeStatement, sqlBuilder } from "@/lib/db/typed-sql";
import { WEBHOOK_URL_CHANGE_ACTION } from "@/lib/notifications/update-notification-settings";
import { addDays } from "@/lib/time";

/** Notices older than this (by the job's clock) are not sent to a webhook any more. */
const LOOK_BACK_DAYS = 7;

/**
 * A pending delivery for every notice of an owner with a webhook URL that has none yet:
 * one statement, whichever code created the notice (the job, an action). Only notices
 * created since the URL was last set (its audit entry) go out, so configuring a webhook
 * does not replay the account's history; the unique (notification, URL) pair makes a
 * second run a no-op. Returns how many were queued.
 */
export async function enqueueWebhookDeliveries({ now, realNow }: { now: Date; realNow: Date }): Promise<number> {
  return executeStatement(
    db,
    sqlBuilder
      .insertInto("WebhookDelivery")
      .columns(["id", "notificationId", "url", "status", "attempts", "nextAttemptAt", "createdAt"])
      .expression(
        sqlBuilder
          .selectFrom("NotificationSettings as s")
          .crossJoinLateral((eb) =>
            eb
              .selectFrom("AuditLog as a")
              .select((audit) => audit.fn.max("a.createdAt").as("since"))
              .where("a.targetType", "=", sql.lit("NotificationSettings"))
              .whereRef("a.targetId", "=", "s.ownerId")
              .where("a.action", "=", WEBHOOK_URL_CHANGE_ACTION)
              .as("configured"),
          )
          .innerJoin("Notification as n", (join) =>
            join
              .onRef("n.ownerId", "=", "s.ownerId")
              .on((eb) =>
                eb("n.createdAt", ">=", sql<Date>`COALESCE(${eb.ref("configured.since")}, '-infinity'::timestamptz)`),
              )
              .on("n.createdAt", ">=", addDays(now, -LOOK_BACK_DAYS)),
          )
          .select([
            sql<string>`'whd' || replace(gen_random_uuid()::text, '-', '')`.as("id"),
            "n.id as notificationId",
            "s.webhookUrl",
            sql`'PENDING'::"DeliveryStatus"`.as("status"),
            sql.lit(0).as("attempts"),
            sql`${realNow}`.as("nextAttemptAt"),
            sql`${realNow}`.as("createdAt"),
          ])
          .where("s.webhookUrl", "is not", null),
      )
      .onConflict((conflict) => conflict.columns(["notificationId", "url"]).doNothing()),
  );
}

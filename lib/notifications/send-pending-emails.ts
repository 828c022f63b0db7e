import "server-only";
import { sql } from "kysely";
import nodemailer, { type Transporter } from "nodemailer";
// The React-free core: this runs in the job (also from the CLI), not in a component.
import { type AbstractIntlMessages, createTranslator } from "use-intl/core";
import { getConfig } from "@/lib/config";
import { type DbTransaction, db } from "@/lib/db/client";
import { queryRows, sqlBuilder } from "@/lib/db/typed-sql";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { FORMATS } from "@/lib/i18n/formats";
import { LOCALES } from "@/lib/i18n/locales";
import { logger } from "@/lib/logger";
import { type NotificationParams, notificationValues } from "@/lib/notifications/notification-values";
import { loadMessages } from "@/messages/load-messages";

export type EmailStepResult = { sent: number; failed: number; skipped: number };

let transport: { url: string; transporter: Transporter } | undefined;
function transporterFor(url: string): Transporter {
  if (transport?.url !== url) transport = { url, transporter: nodemailer.createTransport(url) };
  return transport.transporter;
}

/**
 * Step 5b: e-mails the notices not sent yet, when SMTP_URL is set and the customer
 * wants e-mail. Each notice is claimed (FOR UPDATE SKIP LOCKED) and marked in the
 * same transaction, so overlapping runs never send one twice. Without SMTP_URL the
 * notices are marked skipped: in-app only.
 */
export async function sendPendingEmails(options: { batchSize?: number } = {}): Promise<EmailStepResult> {
  const config = getConfig();
  const result: EmailStepResult = { sent: 0, failed: 0, skipped: 0 };
  if (!config.smtpUrl) {
    const { count } = await db.notification.updateMany({
      where: { emailStatus: "PENDING" },
      data: { emailStatus: "SKIPPED" },
    });
    result.skipped = count;
    return result;
  }
  const transporter = transporterFor(config.smtpUrl);
  const render = await emailRenderer(config.appUrl);
  const batchSize = options.batchSize ?? 50;
  for (;;) {
    const handled = await db.$transaction(
      async (tx) => {
        const rows = await claimPendingEmails(tx, batchSize);
        for (const row of rows) {
          if (row.wantsEmail === false) {
            await tx.notification.update({ where: { id: row.id }, data: { emailStatus: "SKIPPED" } });
            result.skipped += 1;
            continue;
          }
          try {
            await transporter.sendMail({ from: config.mailFrom, to: row.email, ...render(row) });
            await tx.notification.update({
              where: { id: row.id },
              data: { emailStatus: "SENT", emailSentAt: new Date() },
            });
            result.sent += 1;
          } catch (error) {
            logger.warn({ err: error, notificationId: row.id }, "sending a notification e-mail failed");
            await tx.notification.update({ where: { id: row.id }, data: { emailStatus: "FAILED" } });
            result.failed += 1;
          }
        }
        return rows.length;
      },
      { timeout: 300_000 },
    );
    if (handled < batchSize) return result;
  }
}

/** Bilingual e-mails (English, then Simplified Chinese): the account has no language setting. */
/** The oldest notices not e-mailed yet, locked; ones another run holds are passed over. */
function claimPendingEmails(tx: DbTransaction, batchSize: number) {
  return queryRows(
    tx,
    sqlBuilder
      .selectFrom("Notification as n")
      .innerJoin("User as u", "u.id", "n.ownerId")
      .leftJoin("NotificationSettings as s", "s.ownerId", "n.ownerId")
      .select((eb) => [
        "n.id",
        eb.cast<NotificationKind>("n.kind", "text").as("kind"),
        "n.certificateId",
        "n.params",
        "u.email",
        "s.email as wantsEmail",
      ])
      .where("n.emailStatus", "=", sql.lit("PENDING"))
      .orderBy("n.createdAt")
      .orderBy("n.id")
      .limit(batchSize)
      .forUpdate("n")
      .skipLocked()
      // The notices' parameters, as the job and the actions write them.
      .$narrowType<{ params: NotificationParams }>(),
  );
}

type Pending = Awaited<ReturnType<typeof claimPendingEmails>>[number];

async function emailRenderer(appUrl: string) {
  const translators = await Promise.all(
    LOCALES.map(async (locale) => ({
      locale,
      // Keys are built from the notice's kind at run time, so the translator is used untyped.
      t: createTranslator({
        locale,
        messages: (await loadMessages(locale)) as unknown as AbstractIntlMessages,
        formats: FORMATS,
      }) as unknown as (key: string, values?: Record<string, string | number>) => string,
      formatInstant: (iso: string) =>
        new Intl.DateTimeFormat(locale, { ...FORMATS.dateTime.dateTime, timeZone: "UTC" }).format(new Date(iso)),
    })),
  );
  return (row: Pending) => {
    const link = row.certificateId ? `${appUrl}/certificates/${row.certificateId}` : `${appUrl}/notifications`;
    const parts = translators.map(({ locale, t, formatInstant }) => {
      const values = notificationValues(row.params, locale, formatInstant);
      return {
        title: t(`notifications.kind.${row.kind}.title`, values),
        body: t(`notifications.kind.${row.kind}.body`, values),
        open: t("notifications.email.open"),
        footer: t("notifications.email.footer"),
      };
    });
    const [english] = parts;
    return {
      subject: `[CertDesk] ${english?.title ?? ""}`,
      text: parts
        .map((part) => `${part.title}\n\n${part.body}\n\n${part.open}: ${link}\n\n${part.footer}`)
        .join("\n\n———\n\n"),
      headers: { "X-CertDesk-Notification": row.id, "Content-Language": "en, zh-CN" },
    };
  };
}

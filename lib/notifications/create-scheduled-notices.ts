import "server-only";
import { listUpcomingDeductions } from "@/lib/billing/list-upcoming-deductions";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  BALANCE_WARNING_DAYS,
  balanceWarningKey,
  DEFAULT_REMINDER_DAYS,
  dueBalanceWarning,
  dueExpiryReminder,
  expiryReminderKey,
} from "@/lib/notifications/plan-notices";
import { DEDUCT_DAYS_BEFORE_EXPIRY } from "@/lib/renewal/auto-renew-rules";
import { planRenewalFees } from "@/lib/renewal/plan-renewal-fees";
import { hasNoPaidRenewal } from "@/lib/renewal/renewal-under-way";
import { addDays } from "@/lib/time";

const PAGE = 500;
/** Customers may choose reminder days up to this many days before expiry. */
export const MAX_REMINDER_DAYS = 90;

/** Step 5a: expiry reminders and balance warnings that are due; returns how many were new. */
export async function createScheduledNotices(now: Date): Promise<number> {
  return (await createExpiryReminders(now)) + (await createBalanceWarnings(now));
}

async function createExpiryReminders(now: Date): Promise<number> {
  let created = 0;
  let after = "";
  for (;;) {
    const page = await db.certificate.findMany({
      where: {
        id: { gt: after },
        status: "ISSUED",
        ignoreNotifications: false,
        deletedAt: null,
        expiresAt: { gt: addDays(now, -3), lte: addDays(now, MAX_REMINDER_DAYS) },
        // A renewed certificate's owner hears about the renewal instead.
        ...hasNoPaidRenewal,
      },
      orderBy: { id: "asc" },
      take: PAGE,
      select: { id: true, ownerId: true, domain: true, expiresAt: true },
    });
    if (page.length === 0) return created;
    after = page[page.length - 1]?.id ?? after;
    const settings = new Map(
      (
        await db.notificationSettings.findMany({
          where: { ownerId: { in: [...new Set(page.map((row) => row.ownerId))] } },
          select: { ownerId: true, reminderDays: true },
        })
      ).map((row) => [row.ownerId, row.reminderDays]),
    );
    const notices: Prisma.NotificationCreateManyInput[] = [];
    for (const certificate of page) {
      if (!certificate.expiresAt) continue;
      const day = dueExpiryReminder(
        certificate.expiresAt,
        now,
        settings.get(certificate.ownerId) ?? DEFAULT_REMINDER_DAYS,
      );
      if (day === null) continue;
      notices.push({
        ownerId: certificate.ownerId,
        kind: "EXPIRY_REMINDER",
        certificateId: certificate.id,
        dedupeKey: expiryReminderKey(certificate.id, certificate.expiresAt, day),
        params: {
          domain: certificate.domain,
          certificateId: certificate.id,
          days: day,
          expiresAt: certificate.expiresAt.toISOString(),
        },
        emailStatus: "PENDING",
        createdAt: now,
      });
    }
    if (notices.length > 0)
      created += (await db.notification.createMany({ data: notices, skipDuplicates: true })).count;
    if (page.length < PAGE) return created;
  }
}

async function createBalanceWarnings(now: Date): Promise<number> {
  const horizon = addDays(now, Math.max(...BALANCE_WARNING_DAYS));
  const owners = await db.certificate.groupBy({
    by: ["ownerId"],
    where: {
      autoRenewState: "ON",
      status: "ISSUED",
      expiresAt: { gt: addDays(now, DEDUCT_DAYS_BEFORE_EXPIRY), lte: addDays(horizon, DEDUCT_DAYS_BEFORE_EXPIRY) },
      ...hasNoPaidRenewal,
    },
  });
  let created = 0;
  for (const { ownerId } of owners) {
    const upcoming = await listUpcomingDeductions(ownerId, { now, until: horizon });
    const balanceMinor = upcoming.account?.balanceMinor ?? 0;
    const notices: Prisma.NotificationCreateManyInput[] = [];
    for (const fee of planRenewalFees({ now, until: horizon, ...upcoming }).due) {
      const day = fee.outcome === "COVERED" ? null : dueBalanceWarning(fee.deductAt, now);
      if (day === null) continue;
      const { certificateId, domain } = fee.candidate;
      notices.push({
        ownerId,
        kind: "BALANCE_WARNING",
        certificateId,
        dedupeKey: balanceWarningKey(certificateId, fee.deductAt, day),
        params: {
          domain,
          certificateId,
          days: day,
          deductAt: fee.deductAt.toISOString(),
          feeMinor: fee.feeMinor,
          currency: fee.currency,
          balanceMinor,
        },
        emailStatus: "PENDING",
        createdAt: now,
      });
    }
    if (notices.length > 0)
      created += (await db.notification.createMany({ data: notices, skipDuplicates: true })).count;
  }
  return created;
}

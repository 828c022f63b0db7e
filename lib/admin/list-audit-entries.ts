import "server-only";
import { type Actor, assertAdmin } from "@/lib/admin/assert-admin";
import type { AuditListParams } from "@/lib/admin/audit-list-params";
import { addDaysToDate, startOfDateInZone } from "@/lib/billing/zoned-dates";
import { db } from "@/lib/db/client";
import { literalLikeText } from "@/lib/db/literal-pattern";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditEntryRow = {
  id: string;
  action: string;
  actor: { id: string; email: string } | null;
  targetType: string;
  targetId: string | null;
  before: Prisma.JsonValue | null;
  after: Prisma.JsonValue | null;
  ip: string | null;
  createdAt: string;
};

export type AuditPage = {
  items: AuditEntryRow[];
  total: number;
  page: number;
  pageSize: number;
  /** Every action recorded so far, for the filter. */
  actions: string[];
};

/** The audit log, newest first, filtered by action, actor email, target and days in the viewer's zone. */
export async function listAuditEntries(
  actor: Actor,
  params: AuditListParams,
  context: { now: Date; timeZone: string },
): Promise<AuditPage> {
  assertAdmin(actor);
  const and: Prisma.AuditLogWhereInput[] = [];
  if (params.action) and.push({ action: params.action });
  if (params.actor) and.push({ actor: { email: { contains: literalLikeText(params.actor), mode: "insensitive" } } });
  if (params.target) and.push({ targetId: params.target });
  if (params.from) and.push({ createdAt: { gte: startOfDateInZone(params.from, context.timeZone) } });
  if (params.to) and.push({ createdAt: { lt: startOfDateInZone(addDaysToDate(params.to, 1), context.timeZone) } });
  const where: Prisma.AuditLogWhereInput = { AND: and };

  const [total, rows, actions] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (params.page - 1) * params.pageSize,
      take: params.pageSize,
      include: { actor: { select: { id: true, email: true } } },
    }),
    db.auditLog.groupBy({ by: ["action"], orderBy: { action: "asc" } }),
  ]);
  return {
    total,
    page: params.page,
    pageSize: params.pageSize,
    actions: actions.map((row) => row.action),
    items: rows.map((row) => ({
      id: row.id,
      action: row.action,
      actor: row.actor,
      targetType: row.targetType,
      targetId: row.targetId,
      before: row.before,
      after: row.after,
      ip: row.ip,
      createdAt: row.createdAt.toISOString(),
    })),
  };
}

import type { DbTransaction } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditInput = {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
  ip?: string | null;
  at: Date;
};

/** Appends to the audit log inside the caller's transaction, so the entry and the change land together. */
export async function recordAudit(tx: DbTransaction, input: AuditInput): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: input.actorId,
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId ?? null,
      before: input.before ?? undefined,
      after: input.after ?? undefined,
      ip: input.ip ?? null,
      createdAt: input.at,
    },
  });
}

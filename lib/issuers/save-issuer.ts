import "server-only";
import { type Actor, assertAdmin } from "@/lib/admin/assert-admin";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { randomId } from "@/lib/ids";
import type { IssuerInput } from "@/lib/issuers/issuer-input";
import { sealIssuerSecret } from "@/lib/issuers/issuer-secrets";
import { ISSUER_VIEW_SELECT, type IssuerView, toIssuerView } from "@/lib/issuers/issuer-views";

/**
 * Creates an ACME issuer, or changes one. The EAB HMAC key is sealed at once and never
 * read back to the page; a blank key on an edit keeps the stored one. A change of the
 * directory or the EAB key id forgets the account (it belongs to the old CA or binding):
 * the next "Test connection" registers a new one. Audited without any secret.
 */
export async function saveIssuer(
  actor: Actor,
  input: IssuerInput,
  context: { ip: string | null; now: Date },
): Promise<IssuerView> {
  assertAdmin(actor);
  const fields = {
    name: input.name,
    directoryUrl: input.directoryUrl,
    eabKeyId: input.eabKeyId,
    contactEmail: input.contactEmail,
    termsAccepted: input.termsAccepted,
    caBundlePem: input.caBundlePem,
  };
  const audited = { ...fields, caBundlePem: input.caBundlePem !== null, eabHmacKeyChanged: input.eabHmacKey !== null };
  try {
    return await db.$transaction(async (tx) => {
      if (!input.issuerId) {
        // The id is made here: the sealed key is bound to it.
        const id = randomId(24);
        const row = await tx.issuer.create({
          data: {
            id,
            ...fields,
            eabHmacKeyEncrypted: input.eabHmacKey ? sealIssuerSecret(id, "eabHmacKey", input.eabHmacKey) : null,
            createdAt: context.now,
            updatedAt: context.now,
          },
          select: ISSUER_VIEW_SELECT,
        });
        await recordAudit(tx, {
          actorId: actor.id,
          action: "issuer.create",
          targetType: "Issuer",
          targetId: id,
          after: audited,
          ip: context.ip,
          at: context.now,
        });
        return toIssuerView(row);
      }
      const before = await tx.issuer.findUnique({ where: { id: input.issuerId } });
      if (!before) throw new AppError("NOT_FOUND");
      const accountStale = before.directoryUrl !== input.directoryUrl || before.eabKeyId !== input.eabKeyId;
      const row = await tx.issuer.update({
        where: { id: before.id },
        data: {
          ...fields,
          ...(input.eabHmacKey
            ? { eabHmacKeyEncrypted: sealIssuerSecret(before.id, "eabHmacKey", input.eabHmacKey) }
            : {}),
          // No binding any more: its key goes too.
          ...(input.eabKeyId === null ? { eabHmacKeyEncrypted: null } : {}),
          ...(accountStale ? { accountKeyEncrypted: null, accountUrl: null } : {}),
          updatedAt: context.now,
        },
        select: ISSUER_VIEW_SELECT,
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "issuer.update",
        targetType: "Issuer",
        targetId: before.id,
        before: {
          name: before.name,
          directoryUrl: before.directoryUrl,
          eabKeyId: before.eabKeyId,
          contactEmail: before.contactEmail,
          termsAccepted: before.termsAccepted,
          caBundlePem: before.caBundlePem !== null,
        },
        after: { ...audited, accountForgotten: accountStale && before.accountUrl !== null },
        ip: context.ip,
        at: context.now,
      });
      return toIssuerView(row);
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("ISSUER_NAME_TAKEN", { name: input.name });
    }
    throw error;
  }
}

import "server-only";
import { type Actor, assertAdmin } from "@/lib/admin/assert-admin";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/**
 * Picks who issues one product's (price row's) certificates: an ACME issuer, or null for
 * the built-in CA. Applies to certificates ordered or renewed from now on. Audited.
 */
export async function assignProductIssuer(
  actor: Actor,
  input: { priceId: string; issuerId: string | null },
  context: { ip: string | null; now: Date },
): Promise<{ priceId: string; issuerId: string | null }> {
  assertAdmin(actor);
  return db.$transaction(async (tx) => {
    const price = await tx.price.findUnique({
      where: { id: input.priceId },
      select: { id: true, brand: true, certificateType: true, domainType: true, validityYears: true, issuerId: true },
    });
    if (!price) throw new AppError("NOT_FOUND");
    if (input.issuerId && !(await tx.issuer.findUnique({ where: { id: input.issuerId }, select: { id: true } }))) {
      throw new AppError("NOT_FOUND");
    }
    if (price.issuerId !== input.issuerId) {
      await tx.price.update({ where: { id: price.id }, data: { issuerId: input.issuerId, updatedAt: context.now } });
      const product = {
        brand: price.brand,
        certificateType: price.certificateType,
        domainType: price.domainType,
        validityYears: price.validityYears,
      };
      await recordAudit(tx, {
        actorId: actor.id,
        action: "price.issuer",
        targetType: "Price",
        targetId: price.id,
        before: { ...product, issuerId: price.issuerId },
        after: { ...product, issuerId: input.issuerId },
        ip: context.ip,
        at: context.now,
      });
    }
    return { priceId: price.id, issuerId: input.issuerId };
  });
}

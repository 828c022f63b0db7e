import "server-only";
import { type Actor, assertAdmin } from "@/lib/admin/assert-admin";
import type { AdminPriceRow } from "@/lib/admin/list-admin-prices";
import { MAX_PRICE_MINOR } from "@/lib/admin/update-price-input";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { queryRows, sqlBuilder } from "@/lib/db/typed-sql";
import { AppError } from "@/lib/errors";

export type UpdatePriceInput = {
  priceId: string;
  priceMinor: number;
  /** The currency the administrator typed the price in; refused if it is not the row's. */
  currency: string;
  autoRenewSupported: boolean;
};

/**
 * Changes one renewal price and its auto-renewal flag, audited with the values before
 * and after. The job reads prices when it deducts, so the change applies from the
 * next deduction on; certificates already enrolled keep auto-renewal, and when the
 * flag is off the job ends their auto-renewal as no longer eligible.
 */
export async function updatePrice(
  actor: Actor,
  input: UpdatePriceInput,
  context: { ip: string | null; now: Date },
): Promise<AdminPriceRow & { changed: boolean }> {
  assertAdmin(actor);
  if (!Number.isSafeInteger(input.priceMinor) || input.priceMinor <= 0 || input.priceMinor > MAX_PRICE_MINOR) {
    throw new AppError("INVALID_INPUT");
  }
  return db.$transaction(async (tx) => {
    const locked = await queryRows(
      tx,
      sqlBuilder.selectFrom("Price").select("id").where("id", "=", input.priceId).forUpdate(),
    );
    if (locked.length === 0) throw new AppError("NOT_FOUND");
    const price = await tx.price.findUniqueOrThrow({ where: { id: input.priceId } });
    if (price.currency !== input.currency) throw new AppError("CONFLICT");
    const before = {
      priceMinor: price.priceMinor,
      currency: price.currency,
      autoRenewSupported: price.autoRenewSupported,
    };
    const after = {
      priceMinor: input.priceMinor,
      currency: price.currency,
      autoRenewSupported: input.autoRenewSupported,
    };
    const changed = before.priceMinor !== after.priceMinor || before.autoRenewSupported !== after.autoRenewSupported;
    const row = changed
      ? await tx.price.update({
          where: { id: price.id },
          data: { priceMinor: after.priceMinor, autoRenewSupported: after.autoRenewSupported, updatedAt: context.now },
        })
      : price;
    if (changed) {
      await recordAudit(tx, {
        actorId: actor.id,
        action: "price.update",
        targetType: "Price",
        targetId: price.id,
        before: { ...before, brand: price.brand, certificateType: price.certificateType, domainType: price.domainType },
        after: { ...after, brand: price.brand, certificateType: price.certificateType, domainType: price.domainType },
        ip: context.ip,
        at: context.now,
      });
    }
    return {
      id: row.id,
      brand: row.brand,
      certificateType: row.certificateType,
      domainType: row.domainType,
      priceMinor: row.priceMinor,
      currency: row.currency,
      autoRenewSupported: row.autoRenewSupported,
      updatedAt: row.updatedAt.toISOString(),
      changed,
    };
  });
}

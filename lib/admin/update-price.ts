import "server-only";
import { type Actor, assertAdmin } from "@/lib/admin/assert-admin";
import { MAX_PRODUCT_DOMAINS } from "@/lib/admin/catalogue-limits";
import type { AdminPriceRow } from "@/lib/admin/list-admin-prices";
import { MAX_PRICE_MINOR } from "@/lib/admin/update-price-input";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { queryRows, sqlBuilder } from "@/lib/db/typed-sql";
import { AppError } from "@/lib/errors";
import { needsOrganizationReview } from "@/lib/organization-review/organization-review-rules";

export type UpdatePriceInput = {
  priceId: string;
  priceMinor: number;
  /** The currency the administrator typed the price in; refused if it is not the row's. */
  currency: string;
  autoRenewSupported: boolean;
  /** Offered in the order flow; unchanged when left out. */
  purchasable?: boolean;
  /** MULTI: the most names one certificate may have (2 and up); unchanged when left out. */
  maxDomains?: number;
  /** Whether the administrator edited it as a free product; refused if it is not the row's kind. */
  free?: boolean;
};

/**
 * Changes one product of the catalogue: its price, whether auto-renewal is offered for
 * it, whether it is on sale in the order flow and (multi-domain) how many names it takes;
 * audited with the values before and after. The job reads prices when it deducts, so the
 * change applies from the next deduction on; certificates already enrolled keep
 * auto-renewal, and when the flag is off the job ends their auto-renewal as no longer
 * eligible. Taking a product off sale stops new orders only; renewals go on.
 */
export async function updatePrice(
  actor: Actor,
  input: UpdatePriceInput,
  context: { ip: string | null; now: Date },
): Promise<AdminPriceRow & { changed: boolean }> {
  assertAdmin(actor);
  const free = input.free === true;
  if (
    !Number.isSafeInteger(input.priceMinor) ||
    (free ? input.priceMinor !== 0 : input.priceMinor <= 0) ||
    input.priceMinor > MAX_PRICE_MINOR ||
    (input.maxDomains !== undefined &&
      (!Number.isSafeInteger(input.maxDomains) || input.maxDomains < 2 || input.maxDomains > MAX_PRODUCT_DOMAINS))
  ) {
    throw new AppError("INVALID_INPUT");
  }
  return db.$transaction(async (tx) => {
    const locked = await queryRows(
      tx,
      sqlBuilder.selectFrom("Price").select("id").where("id", "=", input.priceId).forUpdate(),
    );
    if (locked.length === 0) throw new AppError("NOT_FOUND");
    const price = await tx.price.findUniqueOrThrow({ where: { id: input.priceId } });
    if (price.currency !== input.currency || price.free !== free) throw new AppError("CONFLICT");
    if (input.maxDomains !== undefined && price.domainType !== "MULTI") throw new AppError("INVALID_INPUT");
    if (input.autoRenewSupported && needsOrganizationReview(price.certificateType)) {
      // The price dialog does not offer it; only a hand-made request gets here.
      throw new AppError("INVALID_INPUT");
    }
    const before = {
      priceMinor: price.priceMinor,
      currency: price.currency,
      autoRenewSupported: price.autoRenewSupported,
      purchasable: price.purchasable,
      maxDomains: price.maxDomains,
    };
    const after = {
      priceMinor: input.priceMinor,
      currency: price.currency,
      autoRenewSupported: input.autoRenewSupported,
      purchasable: input.purchasable ?? price.purchasable,
      maxDomains: input.maxDomains ?? price.maxDomains,
    };
    const changed =
      before.priceMinor !== after.priceMinor ||
      before.autoRenewSupported !== after.autoRenewSupported ||
      before.purchasable !== after.purchasable ||
      before.maxDomains !== after.maxDomains;
    const row = changed
      ? await tx.price.update({
          where: { id: price.id },
          data: {
            priceMinor: after.priceMinor,
            autoRenewSupported: after.autoRenewSupported,
            purchasable: after.purchasable,
            maxDomains: after.maxDomains,
            updatedAt: context.now,
          },
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
      purchasable: row.purchasable,
      free: row.free,
      maxDomains: row.maxDomains,
      updatedAt: row.updatedAt.toISOString(),
      changed,
    };
  });
}

import "server-only";
import { findPrice } from "@/lib/billing/list-prices";
import { reissueUnderWay } from "@/lib/certificates/reissue-under-way";
import { db } from "@/lib/db/client";
import { queryRows, sqlBuilder } from "@/lib/db/typed-sql";
import { AppError } from "@/lib/errors";
import { checkCertificateValidation, PENDING_CERTIFICATE_SELECT } from "@/lib/issuance/check-certificate-validation";
import { issuePendingCertificate } from "@/lib/issuance/issue-pending-certificate";
import { logger } from "@/lib/logger";
import { manualRenewalFailures } from "@/lib/renewal/auto-renew-rules";
import { createRenewals } from "@/lib/renewal/create-renewals";
import { loadRenewalFacts, lockOwnedCertificate } from "@/lib/renewal/load-renewal-facts";

export type ManualRenewalResult = { newCertificateId: string; feeMinor: number; currency: string; issued: boolean };

/**
 * Renews one of the owner's certificates now, paid at once from the balance: the
 * same checks and the same pipeline as the job (order, new certificate pending
 * validation, DNS record for hosted domains). A hosted domain is validated and
 * issued right away; others wait for their record like any renewal.
 */
export async function renewManually(input: {
  ownerId: string;
  certificateId: string;
  actorId: string;
  ip: string | null;
  now: Date;
}): Promise<ManualRenewalResult> {
  const created = await db.$transaction(async (tx) => {
    if (!(await lockOwnedCertificate(tx, input.ownerId, input.certificateId))) throw new AppError("NOT_FOUND");
    const loaded = await loadRenewalFacts(tx, input.ownerId, input.certificateId);
    if (!loaded) throw new AppError("NOT_FOUND");
    // A reissue in flight will supersede this certificate: renew the reissued one instead.
    if (await reissueUnderWay(tx, input.ownerId, input.certificateId)) {
      throw new AppError("CERTIFICATE_REISSUE_UNDER_WAY");
    }
    const price = findPrice(loaded.prices, loaded.facts);
    const failures = manualRenewalFailures(loaded.facts, Boolean(price), input.now);
    if (failures.length > 0 || !price) {
      throw new AppError("MANUAL_RENEWAL_NOT_ALLOWED", { manualReasons: failures.join(",") });
    }
    const [account] = await queryRows(
      tx,
      sqlBuilder
        .selectFrom("BillingAccount")
        .select(["id", "balanceMinor", "currency"])
        .where("ownerId", "=", input.ownerId)
        .forUpdate(),
    );
    if (!account) throw new AppError("NOT_FOUND");
    if (account.currency !== price.currency || account.balanceMinor < price.priceMinor) {
      throw new AppError("INSUFFICIENT_BALANCE");
    }
    const [renewal] = await createRenewals(tx, {
      renewals: [
        {
          certificateId: loaded.facts.id,
          ownerId: input.ownerId,
          accountId: account.id,
          feeMinor: price.priceMinor,
          currency: price.currency,
          balanceAfterMinor: account.balanceMinor - price.priceMinor,
          issuerId: price.issuerId,
        },
      ],
      trigger: "MANUAL",
      actorId: input.actorId,
      ip: input.ip,
      jobRunId: null,
      now: input.now,
    });
    if (!renewal) throw new Error("manual renewal produced no renewal");
    return renewal;
  });

  let issued = false;
  if (created.autoValidated) {
    // Best effort: the job finishes it on its next run if this does not.
    try {
      const certificate = await db.certificate.findUniqueOrThrow({
        where: { id: created.newCertificateId },
        select: PENDING_CERTIFICATE_SELECT,
      });
      if ((await checkCertificateValidation(certificate, input.now)).outcome === "validated") {
        issued = (await issuePendingCertificate(certificate.id, input.now)) === "issued";
      }
    } catch (error) {
      logger.error({ err: error, certificateId: created.newCertificateId }, "issuing a manual renewal at once failed");
    }
  }
  return { newCertificateId: created.newCertificateId, feeMinor: created.feeMinor, currency: created.currency, issued };
}

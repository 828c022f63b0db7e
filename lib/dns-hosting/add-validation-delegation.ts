import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { queryRows, sqlBuilder } from "@/lib/db/typed-sql";
import { findHostedZoneForName } from "@/lib/dns/find-hosted-zone-for-name";
import { toValidationDelegationView, type ValidationDelegationView } from "@/lib/dns-hosting/dns-hosting-views";
import { ensureValidationZone } from "@/lib/dns-hosting/ensure-validation-zone";
import { zonesOverlap } from "@/lib/dns-hosting/hosted-zone-name";
import { recordValidationDelegationCheck } from "@/lib/dns-hosting/record-validation-delegation-check";
import { checkDelegationDomain, createDelegationLabel } from "@/lib/dns-hosting/validation-delegation-names";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";

export const MAX_VALIDATION_DELEGATIONS = 200;
const FIRST_CHECK_TIMEOUT_MS = 3_000;

/**
 * Sets a third-party domain up for automatic validation: a random label of this account
 * for the domain, whose CNAME target the console shows (`_acme-challenge.<domain>` →
 * `<label>.<VALIDATION_DELEGATION_ZONE>`), and a first look for the CNAME. Refused when
 * the installation has no validation zone, for a domain in the owner's own DNS hosting
 * (validated automatically already), for one inside another customer's hosted zone, and
 * twice for the same domain.
 */
export async function addValidationDelegation(input: {
  ownerId: string;
  domain: string;
  actorId: string;
  ip: string | null;
  now: Date;
}): Promise<ValidationDelegationView> {
  const zoneName = getConfig().dns.validationDelegationZone;
  if (!zoneName) throw new AppError("VALIDATION_DELEGATION_UNAVAILABLE");
  const checked = checkDelegationDomain(input.domain);
  if (!checked.ok) throw new AppError("DNS_NAME_INVALID", { problem: checked.problem });
  const domain = checked.name;
  if (zonesOverlap(domain, zoneName)) throw new AppError("DNS_ZONE_RESERVED", { name: domain });
  // Any account's zone: a domain inside another customer's zone is theirs to validate, not this one's.
  const hosted = await findHostedZoneForName({ name: domain });
  if (hosted?.ownerId === input.ownerId) {
    throw new AppError("VALIDATION_DELEGATION_HOSTED", { name: domain, zone: hosted.name });
  }
  if (hosted)
    throw new AppError(hosted.ownerId === null ? "DNS_ZONE_RESERVED" : "DNS_ZONE_TAKEN", { name: hosted.name });

  const created = await db
    .$transaction(async (tx) => {
      await queryRows(tx, sqlBuilder.selectFrom("User").select("id").where("id", "=", input.ownerId).forNoKeyUpdate());
      if ((await tx.validationDelegation.count({ where: { ownerId: input.ownerId } })) >= MAX_VALIDATION_DELEGATIONS) {
        throw new AppError("DNS_HOSTING_LIMIT_REACHED", { max: MAX_VALIDATION_DELEGATIONS });
      }
      const row = await tx.validationDelegation.create({
        data: { ownerId: input.ownerId, domain, label: createDelegationLabel(), createdAt: input.now },
      });
      await recordAudit(tx, {
        actorId: input.actorId,
        action: "validationDelegation.add",
        targetType: "ValidationDelegation",
        targetId: row.id,
        after: { domain, label: row.label, zone: zoneName },
        ip: input.ip,
        at: input.now,
      });
      return row;
    })
    .catch((error: unknown) => {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
        throw new AppError("VALIDATION_DELEGATION_EXISTS", { name: domain });
      }
      throw error;
    });

  try {
    // The zone the CNAMEs point into must exist before the first record is written there.
    await ensureValidationZone();
  } catch (error) {
    logger.error({ err: error, zone: zoneName }, "the validation zone is not usable");
  }
  const checkedView = await recordValidationDelegationCheck(created, input.now, { timeoutMs: FIRST_CHECK_TIMEOUT_MS });
  return checkedView ?? toValidationDelegationView(created, zoneName);
}

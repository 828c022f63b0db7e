import "server-only";
import type { AcmeFailureReason } from "@/lib/acme/acme-types";
import { testAcmeConnection } from "@/lib/acme/test-acme-connection";
import { type Actor, assertAdmin } from "@/lib/admin/assert-admin";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { issuerAccountKey, issuerCaSettings } from "@/lib/issuers/issuer-ca-settings";
import { sealIssuerSecret } from "@/lib/issuers/issuer-secrets";

const MAX_DETAIL = 500;

export type IssuerConnectionResult =
  | { ok: true; accountUrl: string; accountCreated: boolean; termsOfServiceUrl: string | null }
  | { ok: false; step: "directory" | "account"; reason: AcmeFailureReason; detail: string };

/**
 * "Test connection": reads the CA's directory, then looks up CertDesk's account there (by
 * its stored key) or registers one with a key CertDesk creates, sealed at rest. The
 * result, and the CA's terms URL, are stored on the issuer for the page; a failure names
 * its step and reason (directory unreachable, EAB refused, terms not accepted...).
 * Audited without secrets. Issuance uses the same account (advanceAcmeCertificate).
 */
export async function testIssuerConnection(
  actor: Actor,
  input: { issuerId: string },
  context: { ip: string | null; now: Date },
): Promise<IssuerConnectionResult> {
  assertAdmin(actor);
  const issuer = await db.issuer.findUnique({
    where: { id: input.issuerId },
    omit: { eabHmacKeyEncrypted: false, accountKeyEncrypted: false },
  });
  if (!issuer) throw new AppError("NOT_FOUND");
  const ca = issuerCaSettings(issuer);
  const storedKey = issuerAccountKey(issuer);
  const tested = await testAcmeConnection(ca, storedKey);

  const result: IssuerConnectionResult = tested.ok
    ? {
        ok: true,
        accountUrl: tested.account.accountUrl,
        accountCreated: tested.account.created,
        termsOfServiceUrl: tested.directory.termsOfServiceUrl,
      }
    : {
        ok: false,
        step: tested.step,
        reason: tested.failure.reason,
        detail: tested.failure.detail.slice(0, MAX_DETAIL),
      };
  await db.$transaction(async (tx) => {
    await tx.issuer.update({
      where: { id: issuer.id },
      data: {
        lastTestedAt: context.now,
        lastTestStep: result.ok ? null : result.step,
        lastTestReason: result.ok ? null : result.reason,
        lastTestDetail: result.ok ? null : result.detail,
        ...(tested.directory ? { termsOfServiceUrl: tested.directory.termsOfServiceUrl } : {}),
        ...(tested.ok
          ? {
              accountUrl: tested.account.accountUrl,
              ...(tested.account.accountKeyPem !== storedKey
                ? { accountKeyEncrypted: sealIssuerSecret(issuer.id, "accountKey", tested.account.accountKeyPem) }
                : {}),
            }
          : {}),
      },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "issuer.test",
      targetType: "Issuer",
      targetId: issuer.id,
      after: result.ok
        ? { ok: true, accountUrl: result.accountUrl, accountCreated: result.accountCreated }
        : { ok: false, step: result.step, reason: result.reason },
      ip: context.ip,
      at: context.now,
    });
  });
  return result;
}

import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { MAX_CERTIFICATE_ALIAS_LENGTH } from "@/lib/certificates/certificate-alias-input";
import { ownedCertificateWhere } from "@/lib/certificates/owned-certificate-where";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/**
 * Renames one of the owner's certificates (the alias shown beside its id); an empty alias
 * clears it. The one implementation of the rule: the API's ModifyCertificateAlias calls it, as
 * would a console alias editor (there is none yet).
 */
export async function setCertificateAlias(input: {
  ownerId: string;
  certificateId: string;
  alias: string;
  actorId: string;
  ip: string | null;
  now: Date;
}): Promise<{ certificateId: string; alias: string | null }> {
  const alias = input.alias.trim() || null;
  if (alias && alias.length > MAX_CERTIFICATE_ALIAS_LENGTH) throw new AppError("INVALID_INPUT");
  return db.$transaction(async (tx) => {
    const certificate = await tx.certificate.findFirst({
      where: { id: input.certificateId, ...ownedCertificateWhere(input.ownerId) },
      select: { id: true, alias: true },
    });
    if (!certificate) throw new AppError("NOT_FOUND");
    if (certificate.alias !== alias) {
      await tx.certificate.update({ where: { id: certificate.id }, data: { alias } });
      await recordAudit(tx, {
        actorId: input.actorId,
        action: "certificate.alias.update",
        targetType: "Certificate",
        targetId: certificate.id,
        before: { alias: certificate.alias },
        after: { alias },
        ip: input.ip,
        at: input.now,
      });
    }
    return { certificateId: certificate.id, alias };
  });
}

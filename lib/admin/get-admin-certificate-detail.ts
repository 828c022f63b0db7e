import "server-only";
import { type Actor, assertAdmin } from "@/lib/admin/assert-admin";
import { type CertificateDetail, getCertificateDetail } from "@/lib/certificates/get-certificate-detail";
import { db } from "@/lib/db/client";

/** The certificate exactly as its owner sees it, plus who the owner is. */
export type AdminCertificateDetail = CertificateDetail & {
  owner: { id: string; email: string; name: string; disabledAt: string | null };
};

/**
 * Any customer's certificate, for an administrator: the role is checked first, then
 * the certificate is found by ID alone and loaded exactly as its owner sees it.
 */
export async function getAdminCertificateDetail(
  actor: Actor,
  certificateId: string,
  now: Date,
): Promise<AdminCertificateDetail | null> {
  assertAdmin(actor);
  const found = await db.certificate.findUnique({
    where: { id: certificateId },
    select: { owner: { select: { id: true, email: true, name: true, disabledAt: true } } },
  });
  if (!found) return null;
  const certificate = await getCertificateDetail(found.owner.id, certificateId, now);
  if (!certificate) return null;
  return { ...certificate, owner: { ...found.owner, disabledAt: found.owner.disabledAt?.toISOString() ?? null } };
}

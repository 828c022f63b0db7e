import "server-only";
import type { DbTransaction, db } from "@/lib/db/client";
import { PENDING_STATUSES } from "@/lib/issuance/pending-statuses";

/**
 * Whether a reissue of the owner's certificate waits for validation: it will supersede the
 * certificate, so a renewal (Renew now, or an OV/EV renewal order) is made of the reissue instead.
 */
export async function reissueUnderWay(
  client: DbTransaction | typeof db,
  ownerId: string,
  certificateId: string,
): Promise<boolean> {
  const reissuing = await client.certificate.count({
    where: { reissuesId: certificateId, ownerId, status: { in: [...PENDING_STATUSES] } },
  });
  return reissuing > 0;
}

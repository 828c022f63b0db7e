import { z } from "zod";
import { deleteCertificate as deleteCustomerCertificate } from "@/lib/certificates/delete-certificate";
import { defineTc3Action } from "@/lib/tencent-api/tc3-action";
import { tc3 } from "@/lib/tencent-api/tc3-params";

/**
 * DeleteCertificate: the console's delete (kept for history, gone from every list). As the
 * original, resources are checked only with IsCheckResource: then a certificate that cloud
 * resources use is refused (FailedOperation.DeleteResourceFailed); without it the deletion
 * is taken as confirmed. Synchronous, so there is never a TaskId to poll.
 */
export const deleteCertificate = defineTc3Action({
  name: "DeleteCertificate",
  access: "write",
  params: z.object({ CertificateId: tc3.certificateId(), IsCheckResource: tc3.bool().optional() }),
  run: async ({ CertificateId, IsCheckResource }, { ownerId, ip, now }) => {
    await deleteCustomerCertificate({
      ownerId,
      certificateId: CertificateId,
      confirmedResourceIds: IsCheckResource ? [] : "ALL",
      actorId: ownerId,
      ip,
      now,
    });
    return { DeleteResult: true, TaskId: null };
  },
});

import { z } from "zod";
import { verifyRenewalNow } from "@/lib/renewal/verify-renewal-now";
import { defineTc3Action } from "@/lib/tencent-api/tc3-action";
import { Tc3Error } from "@/lib/tencent-api/tc3-errors";
import { tc3 } from "@/lib/tencent-api/tc3-params";

/**
 * CompleteCertificate: the console's "Verify now": checks the records or files at once and
 * issues the certificate when all are in place. Answered with the id whether or not they
 * were found yet, as the original (DescribeCertificateDetail's Status says which);
 * a certificate that waits for nothing is refused.
 */
export const completeCertificate = defineTc3Action({
  name: "CompleteCertificate",
  access: "write",
  params: z.object({ CertificateId: tc3.certificateId() }),
  run: async ({ CertificateId }, { ownerId, now }) => {
    const result = await verifyRenewalNow({ ownerId, certificateId: CertificateId, now });
    if (result.outcome === "not-pending") throw new Tc3Error("FailedOperation.CertificateNotFoundOrAudited");
    return { CertificateId };
  },
});

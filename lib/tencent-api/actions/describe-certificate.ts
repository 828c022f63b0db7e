import { z } from "zod";
import { certificateRowFields } from "@/lib/tencent-api/certificate-fields";
import { getApiCertificate } from "@/lib/tencent-api/load-api-certificates";
import { defineTc3Action } from "@/lib/tencent-api/tc3-action";
import { Tc3Error } from "@/lib/tencent-api/tc3-errors";
import { tc3 } from "@/lib/tencent-api/tc3-params";

/** DescribeCertificate: one certificate's facts, as a row of DescribeCertificates. */
export const describeCertificate = defineTc3Action({
  name: "DescribeCertificate",
  access: "read",
  params: z.object({ CertificateId: tc3.certificateId() }),
  run: async ({ CertificateId }, { ownerId, now, t }) => {
    const certificate = await getApiCertificate(ownerId, CertificateId, now);
    if (!certificate) throw new Tc3Error("FailedOperation.CertificateNotFound");
    return certificateRowFields(certificate, now, t);
  },
});

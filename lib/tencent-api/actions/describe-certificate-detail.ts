import { z } from "zod";
import { certificateDetailFields } from "@/lib/tencent-api/certificate-fields";
import { getApiCertificate } from "@/lib/tencent-api/load-api-certificates";
import { defineTc3Action } from "@/lib/tencent-api/tc3-action";
import { Tc3Error } from "@/lib/tencent-api/tc3-errors";
import { tc3 } from "@/lib/tencent-api/tc3-params";

/** DescribeCertificateDetail: one certificate with its PEM chain and validation record (never its key). */
export const describeCertificateDetail = defineTc3Action({
  name: "DescribeCertificateDetail",
  access: "read",
  params: z.object({ CertificateId: tc3.certificateId() }),
  run: async ({ CertificateId }, { ownerId, now, t }) => {
    const certificate = await getApiCertificate(ownerId, CertificateId, now, { withPem: true });
    if (!certificate) throw new Tc3Error("FailedOperation.CertificateNotFound");
    return certificateDetailFields(certificate, now, t);
  },
});

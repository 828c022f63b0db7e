import { z } from "zod";
import { downloadCertificateArchive } from "@/lib/downloads/download-certificate-archive";
import { defineTc3Action } from "@/lib/tencent-api/tc3-action";
import { Tc3Error } from "@/lib/tencent-api/tc3-errors";
import { tc3 } from "@/lib/tencent-api/tc3-params";

/**
 * DownloadCertificate: the console's bundles for every server type in one base64 zip, a
 * folder each (Nginx, Apache, IIS, Tomcat, PEM). A read: the original lets any key download.
 */
export const downloadCertificate = defineTc3Action({
  name: "DownloadCertificate",
  access: "read",
  params: z.object({ CertificateId: tc3.certificateId() }),
  run: async ({ CertificateId }, { ownerId, ip, now, t }) => {
    const result = await downloadCertificateArchive({
      ownerId,
      certificateId: CertificateId,
      actorId: ownerId,
      ip,
      now,
    });
    if (!result.ok) {
      throw new Tc3Error(
        "FailedOperation.CertificateNotAllowDownload",
        {},
        {
          message: t(`downloads.errors.${result.reason}`),
        },
      );
    }
    return { Content: Buffer.from(result.zip).toString("base64"), ContentType: "application/zip" };
  },
});

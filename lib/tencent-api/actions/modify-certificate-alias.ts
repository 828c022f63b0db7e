import { z } from "zod";
import { MAX_CERTIFICATE_ALIAS_LENGTH } from "@/lib/certificates/certificate-alias-input";
import { setCertificateAlias } from "@/lib/certificates/set-certificate-alias";
import { defineTc3Action } from "@/lib/tencent-api/tc3-action";
import { tc3 } from "@/lib/tencent-api/tc3-params";

/** ModifyCertificateAlias: the console's "Edit alias"; no Alias (or an empty one) clears it. */
export const modifyCertificateAlias = defineTc3Action({
  name: "ModifyCertificateAlias",
  access: "write",
  params: z.object({ CertificateId: tc3.certificateId(), Alias: tc3.str(MAX_CERTIFICATE_ALIAS_LENGTH).optional() }),
  run: async ({ CertificateId, Alias }, { ownerId, ip, now }) => {
    const result = await setCertificateAlias({
      ownerId,
      certificateId: CertificateId,
      alias: Alias ?? "",
      actorId: ownerId,
      ip,
      now,
    });
    return { CertificateId: result.certificateId };
  },
});

import { z } from "zod";
import { reissueCertificate } from "@/lib/certificates/reissue-certificate";
import type { KeyAlgorithm } from "@/lib/generated/prisma/enums";
import { defineTc3Action } from "@/lib/tencent-api/tc3-action";
import { Tc3Error } from "@/lib/tencent-api/tc3-errors";
import { tc3 } from "@/lib/tencent-api/tc3-params";

/** The original's CertCSREncryptAlgo and CertCSRKeyParameter, as the key CertDesk generates. */
function generatedAlgorithm(algo: "RSA" | "ECC" | undefined, parameter: string | undefined): KeyAlgorithm | null {
  if (algo === "ECC") {
    if (!parameter || parameter === "prime256v1") return "ECDSA_P256";
    if (parameter === "secp384r1") return "ECDSA_P384";
    return null;
  }
  if (!parameter || parameter === "2048") return "RSA_2048";
  if (parameter === "3072") return "RSA_3072";
  if (parameter === "4096") return "RSA_4096";
  return null;
}

/**
 * ReplaceCertificate: the console's Reissue (reissueCertificate) — the same names and
 * expiry, no charge, a new key generated here (CsrType "online", the default) or the
 * caller's CSR ("upload", CsrContent). "original" would keep the old key, which a reissue
 * never does. The new certificate's ID comes back; its validation record is in
 * DescribeCertificateDetail, and CompleteCertificate is its "Verify now".
 */
export const replaceCertificate = defineTc3Action({
  name: "ReplaceCertificate",
  access: "write",
  params: z.object({
    CertificateId: tc3.certificateId(),
    ValidType: z.enum(["DNS_AUTO", "DNS", "FILE"]).optional(),
    CsrType: z.enum(["original", "upload", "online"]).optional(),
    CsrContent: tc3.str(16 * 1024).optional(),
    CsrkeyPassword: tc3.str(200).optional(),
    Reason: tc3.str(200).optional(),
    CertCSREncryptAlgo: z.enum(["RSA", "ECC"]).optional(),
    CertCSRKeyParameter: tc3.str(20).optional(),
    SignAlgo: tc3.str(40).optional(),
    UseCrossSignRoot: tc3.bool().optional(),
  }),
  run: async (params, { ownerId, ip, now }) => {
    if (params.CsrkeyPassword) {
      throw new Tc3Error("InvalidParameterValue", { name: "CsrkeyPassword" }, { messageKey: "keyPassword" });
    }
    if (params.CsrType === "original") {
      throw new Tc3Error("InvalidParameterValue", { name: "CsrType" }, { messageKey: "reissueOriginalKey" });
    }
    let key: { source: "CSR"; csrPem: string } | { source: "GENERATE"; algorithm: KeyAlgorithm };
    if (params.CsrType === "upload") {
      if (!params.CsrContent) throw new Tc3Error("MissingParameter", { name: "CsrContent" });
      key = { source: "CSR", csrPem: params.CsrContent };
    } else {
      const algorithm = generatedAlgorithm(params.CertCSREncryptAlgo, params.CertCSRKeyParameter);
      if (!algorithm) throw new Tc3Error("InvalidParameterValue", { name: "CertCSRKeyParameter" });
      key = { source: "GENERATE", algorithm };
    }
    const outcome = await reissueCertificate({
      ownerId,
      actorId: ownerId,
      ip,
      now,
      request: {
        certificateId: params.CertificateId,
        validationMethod: params.ValidType === "FILE" ? "FILE" : "DNS",
        key,
      },
    });
    if (outcome.status === "rejected") {
      const message = outcome.problems.map((problem) => `${problem.field}: ${problem.code}`).join(" ");
      throw new Tc3Error("InvalidParameterValue", {}, { message });
    }
    return { CertificateId: outcome.certificateId };
  },
});

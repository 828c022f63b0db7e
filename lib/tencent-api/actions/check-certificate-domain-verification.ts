import { z } from "zod";
import type { TargetCheck } from "@/lib/issuance/check-certificate-validation";
import { checkOwnedCertificateValidation } from "@/lib/issuance/check-owned-certificate-validation";
import { defineTc3Action } from "@/lib/tencent-api/tc3-action";
import { Tc3Error } from "@/lib/tencent-api/tc3-errors";
import { tc3 } from "@/lib/tencent-api/tc3-params";

// The original's LocalCheck: 1 found; -1 TXT record not found; -4 file not found.
function verificationResult(target: TargetCheck, verifyType: string) {
  const dns = target.kind === "DNS";
  return {
    Domain: dns ? target.name : target.host,
    VerifyType: verifyType,
    LocalCheck: target.found ? 1 : dns ? -1 : -4,
    CaCheck: target.found ? 2 : -1,
    LocalCheckFailReason: target.found ? "" : dns ? (target.lookupFailed ?? "txt record not found") : "file not found",
    CheckValue: dns ? target.values : [],
    Frequently: false,
    Issued: false,
  };
}

/**
 * CheckCertificateDomainVerification: looks for a pending certificate's records or files
 * now, as "Verify now" does, and says what it found for each; it does not issue (that is
 * CompleteCertificate, or the next job run once everything is found).
 */
export const checkCertificateDomainVerification = defineTc3Action({
  name: "CheckCertificateDomainVerification",
  access: "read",
  params: z.object({ CertificateId: tc3.certificateId() }),
  run: async ({ CertificateId }, { ownerId, now }) => {
    const { check, validationMethod } = await checkOwnedCertificateValidation({
      ownerId,
      certificateId: CertificateId,
      now,
    });
    if (check.outcome === "not-pending") throw new Tc3Error("FailedOperation.CertificateStatusNotAllowVerify");
    const verifyType = validationMethod ?? "DNS";
    return { VerificationResults: check.targets.map((target) => verificationResult(target, verifyType)) };
  },
});

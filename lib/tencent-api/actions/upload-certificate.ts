import { z } from "zod";
import {
  type UploadRejection,
  uploadCertificate as uploadCustomerCertificate,
} from "@/lib/certificates/upload-certificate";
import { MAX_UPLOAD_ALIAS_LENGTH, MAX_UPLOAD_BODY_BYTES } from "@/lib/certificates/upload-limits";
import { uploadProblemValues } from "@/lib/certificates/upload-problems";
import type { Translate } from "@/lib/describe-app-error";
import { defineTc3Action } from "@/lib/tencent-api/tc3-action";
import { Tc3Error, type Tc3ErrorCode } from "@/lib/tencent-api/tc3-errors";
import { tc3 } from "@/lib/tencent-api/tc3-params";

const PARSE_ERRORS = new Set([
  "EMPTY",
  "TOO_LARGE",
  "NOT_TEXT",
  "DER_NOT_PEM",
  "PEM_NOT_FOUND",
  "PEM_HEADER_MISSING",
  "PEM_TRUNCATED",
  "PEM_LABEL_MISMATCH",
  "PEM_BASE64_INVALID",
  "PEM_UNEXPECTED_LABEL",
  "CERTIFICATE_MULTIPLE",
  "CERTIFICATE_UNPARSEABLE",
  "PRIVATE_KEY_ENCRYPTED",
  "PRIVATE_KEY_MULTIPLE",
  "PRIVATE_KEY_MALFORMED",
]);

/** The original's code for the first thing wrong with an upload. */
function uploadErrorCode(rejection: UploadRejection): Tc3ErrorCode {
  if (rejection.code === "PRIVATE_KEY_MISMATCH") return "FailedOperation.CertificateMismatch";
  if (rejection.field === "chain") return "FailedOperation.CertificateChainError";
  if (PARSE_ERRORS.has(rejection.code)) return "FailedOperation.CertificateParseError";
  return "FailedOperation.CertificateInvalid";
}

const FIELD_NAMES = {
  certificate: "CertificatePublicKey",
  chain: "CertificatePublicKey",
  privateKey: "CertificatePrivateKey",
};

/** Every problem, in the upload form's own words, each after the API field it is about. */
function describeRejections(rejections: UploadRejection[], t: Translate): string {
  return rejections
    .map((rejection) => {
      const values = uploadProblemValues(rejection.params, (iso) => `${iso.slice(0, 16).replace("T", " ")} UTC`);
      return `${FIELD_NAMES[rejection.field]}: ${t(`upload.errors.${rejection.code}`, values)}`;
    })
    .join(" ");
}

/** The original takes the leaf and its chain in one field: the first certificate, then the rest. */
function splitCertificateAndChain(pem: string): { certificatePem: string; chainPem?: string } {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g);
  if (!blocks || blocks.length < 2) return { certificatePem: pem };
  return { certificatePem: `${blocks[0]}\n`, chainPem: `${blocks.slice(1).join("\n")}\n` };
}

/**
 * UploadCertificate: hosts a certificate obtained elsewhere, through the console's upload
 * (every check the form makes, the key sealed at rest). Repeatable (default true, as the
 * original) stores the same certificate again; false answers the one already there as
 * RepeatCertId, with an empty CertificateId. Uploaded certificates are issued at once (Status
 * 1), which Terraform waits for. CA certificates, key passwords, projects and tags: see README.
 */
export const uploadCertificate = defineTc3Action({
  name: "UploadCertificate",
  access: "write",
  params: z.object({
    CertificatePublicKey: tc3.str(MAX_UPLOAD_BODY_BYTES),
    CertificatePrivateKey: tc3.str(MAX_UPLOAD_BODY_BYTES).optional(),
    CertificateType: z.enum(["SVR", "CA"]).optional(),
    Alias: tc3.str(MAX_UPLOAD_ALIAS_LENGTH).optional(),
    ProjectId: tc3.u64().optional(),
    CertificateUse: tc3.str(20).optional(),
    Tags: z
      .array(z.object({ TagKey: tc3.str(), TagValue: tc3.str().optional() }))
      .max(50)
      .optional(),
    Repeatable: tc3.bool().optional(),
    KeyPassword: tc3.str(200).optional(),
  }),
  run: async (params, { ownerId, ip, now, t }) => {
    if (params.CertificateType === "CA") {
      throw new Tc3Error("InvalidParameterValue", { name: "CertificateType" }, { messageKey: "caNotSupported" });
    }
    if (params.KeyPassword) {
      throw new Tc3Error("InvalidParameterValue", { name: "KeyPassword" }, { messageKey: "keyPassword" });
    }
    const result = await uploadCustomerCertificate({
      ownerId,
      ...splitCertificateAndChain(params.CertificatePublicKey),
      privateKeyPem: params.CertificatePrivateKey || undefined,
      alias: params.Alias?.trim() || undefined,
      duplicates: params.Repeatable === false ? "refuse" : "allow",
      actorId: ownerId,
      ip,
      now,
    });
    if (result.ok) return { CertificateId: result.certificateId, RepeatCertId: null };
    const duplicate = result.errors.find((error) => error.code === "ALREADY_UPLOADED");
    if (duplicate) return { CertificateId: "", RepeatCertId: String(duplicate.params.certificateId) };
    const [first] = result.errors;
    throw new Tc3Error(
      first ? uploadErrorCode(first) : "FailedOperation.CertificateInvalid",
      {},
      {
        message: describeRejections(result.errors, t),
      },
    );
  },
});

// The error codes the API answers with: the original's own (its common codes and the SSL
// product's), and a few of CertDesk's, each named in README "API". A message for every code
// is in messages/<locale>/tencentApi.json, "errors.<code with _ for .>", so a caller reads it
// in the language of its X-TC-Language.
export const TC3_ERROR_CODES = [
  "AuthFailure.InvalidAuthorization",
  "AuthFailure.SignatureExpire",
  "AuthFailure.SignatureFailure",
  "AuthFailure.SecretIdNotFound",
  "AuthFailure.TokenFailure",
  "UnauthorizedOperation",
  "MissingParameter",
  "InvalidParameter",
  "InvalidParameterValue",
  "InvalidAction",
  "NoSuchVersion",
  "UnsupportedProtocol",
  "RequestLimitExceeded",
  "RequestSizeLimitExceeded",
  "InternalError",
  "FailedOperation",
  "FailedOperation.CertificateNotFound",
  "FailedOperation.CertificateParseError",
  "FailedOperation.CertificateMismatch",
  "FailedOperation.CertificateInvalid",
  "FailedOperation.CertificateChainError",
  "FailedOperation.CertificateExists",
  "FailedOperation.DeleteResourceFailed",
  "FailedOperation.RenewNotIssued",
  "FailedOperation.InvalidCertificateStatusCode",
  "FailedOperation.CertificateNotAllowDownload",
  "InvalidParameter.CertificatesNumberExceeded",
  "FailedOperation.ExceedsFreeLimit",
  "FailedOperation.CertificateStatusNotAllowVerify",
  "FailedOperation.CertificateNotFoundOrAudited",
  // CertDesk's own, for CertDeskModifyAutoRenew (the original has no such action).
  "FailedOperation.AutoRenewNotEligible",
  "FailedOperation.AutoRenewAlreadyDeducted",
] as const;

export type Tc3ErrorCode = (typeof TC3_ERROR_CODES)[number];

/**
 * A refusal to answer with `Response.Error`. The message is tencentApi.errors.<key> (the
 * code with "_" for ".", unless another key is given) filled with `values`, or an already
 * translated sentence (an upload's reasons, an AppError's).
 */
export class Tc3Error extends Error {
  constructor(
    readonly code: Tc3ErrorCode,
    readonly values: Record<string, string | number> = {},
    readonly options: { messageKey?: string; message?: string } = {},
  ) {
    super(code);
    this.name = "Tc3Error";
  }

  get messageKey(): string {
    return this.options.messageKey ?? this.code.replaceAll(".", "_");
  }
}

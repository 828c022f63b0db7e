// The console's refusals (AppError codes) as the original's error codes, with the console's
// own sentence in the caller's language: one table, so an action only says what it called.
import { describeAppErrorWith, type Translate } from "@/lib/describe-app-error";
import type { AppError, AppErrorCode } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import { Tc3Error, type Tc3ErrorCode } from "@/lib/tencent-api/tc3-errors";

const TC3_CODE_OF: Partial<Record<AppErrorCode, Tc3ErrorCode>> = {
  INVALID_INPUT: "InvalidParameterValue",
  NOT_FOUND: "FailedOperation.CertificateNotFound",
  AUTO_RENEW_NOT_ELIGIBLE: "FailedOperation.AutoRenewNotEligible",
  AUTO_RENEW_ALREADY_DEDUCTED: "FailedOperation.AutoRenewAlreadyDeducted",
  CERTIFICATE_IN_USE: "FailedOperation.DeleteResourceFailed",
  CERTIFICATE_RENEWAL_UNDER_WAY: "FailedOperation.RenewNotIssued",
  CERTIFICATE_NOT_DELETABLE: "FailedOperation.InvalidCertificateStatusCode",
  FREE_CERTIFICATE_LIMIT_REACHED: "FailedOperation.ExceedsFreeLimit",
};

export function appErrorToTc3(error: AppError, t: Translate, locale: Locale): Tc3Error {
  const code = TC3_CODE_OF[error.code] ?? "FailedOperation";
  // Another customer's certificate and a missing one read the same, and echo nothing.
  if (code === "FailedOperation.CertificateNotFound") return new Tc3Error(code);
  return new Tc3Error(code, {}, { message: describeAppErrorWith(t, error.code, error.details, locale) });
}

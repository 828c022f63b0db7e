// The stable vocabulary of what can be wrong with an uploaded certificate, key or chain.
// The UI translates each code (with its params) into a message that says what to fix, and a
// test compares this list with the message files, so codes are only ever added, never renamed.

export const UPLOAD_FIELDS = ["certificate", "chain", "privateKey"] as const;
export type UploadField = (typeof UPLOAD_FIELDS)[number];

export const UPLOADED_CERTIFICATE_ERROR_CODES = [
  // Any field: what was pasted or uploaded is not usable PEM text.
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
  // The certificate.
  "CERTIFICATE_MULTIPLE",
  "CERTIFICATE_UNPARSEABLE",
  "CERTIFICATE_EXPIRED",
  "CERTIFICATE_NOT_YET_VALID",
  "CERTIFICATE_IS_CA",
  "CERTIFICATE_NO_DOMAIN",
  "KEY_TOO_WEAK",
  "KEY_TYPE_UNSUPPORTED",
  // The chain.
  "CHAIN_TOO_MANY_CERTIFICATES",
  "CHAIN_CERTIFICATE_UNPARSEABLE",
  "CHAIN_CERTIFICATE_NOT_CA",
  "CHAIN_ISSUER_MISSING",
  "CHAIN_CERTIFICATE_UNRELATED",
  // The private key.
  "PRIVATE_KEY_ENCRYPTED",
  "PRIVATE_KEY_MULTIPLE",
  "PRIVATE_KEY_MALFORMED",
  "PRIVATE_KEY_MISMATCH",
] as const;
export type UploadedCertificateErrorCode = (typeof UPLOADED_CERTIFICATE_ERROR_CODES)[number];

// Not failures: the upload is accepted, but the customer should know what was changed or is missing.
export const UPLOADED_CERTIFICATE_WARNING_CODES = [
  "CHAIN_REORDERED",
  "CHAIN_DUPLICATE_REMOVED",
  "CHAIN_MISSING",
] as const;
export type UploadedCertificateWarningCode = (typeof UPLOADED_CERTIFICATE_WARNING_CODES)[number];

// Params carry only public facts (sizes, counts, PEM labels, names, dates), never key material,
// so an error can be logged or shown as is.
export type UploadParams = Record<string, string | number>;

export type UploadedCertificateError = {
  field: UploadField;
  code: UploadedCertificateErrorCode;
  params: UploadParams;
};

export type UploadedCertificateWarning = {
  field: UploadField;
  code: UploadedCertificateWarningCode;
  params: UploadParams;
};

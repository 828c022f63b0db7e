// What can be wrong with a certificate signing request pasted into an order. The form
// translates each code with its params (messages: certificateOrder.csrProblem.<code>); codes
// are only ever added, never renamed. Client-safe: no parsing here.

export const CSR_PROBLEMS = [
  "CSR_EMPTY",
  "CSR_TOO_LARGE",
  "CSR_NOT_TEXT",
  "CSR_DER",
  "CSR_MALFORMED",
  "CSR_MULTIPLE",
  "CSR_IS_CERTIFICATE",
  "CSR_IS_PRIVATE_KEY",
  "CSR_FOREIGN_PEM",
  "CSR_SIGNATURE_INVALID",
  "CSR_RSA_TOO_WEAK",
  "CSR_RSA_SIZE_UNSUPPORTED",
  "CSR_RSA_EXPONENT",
  "CSR_CURVE_UNSUPPORTED",
  "CSR_KEY_TYPE_UNSUPPORTED",
  "CSR_NO_NAMES",
  "CSR_NAMES_MISMATCH",
] as const;
export type CsrProblemCode = (typeof CSR_PROBLEMS)[number];

export type CsrProblem = { code: CsrProblemCode; params: Record<string, string | number> };

/** The largest CSR accepted, in bytes of text (a 4096-bit RSA CSR with 100 names is about 6 kB). */
export const MAX_CSR_BYTES = 16 * 1024;

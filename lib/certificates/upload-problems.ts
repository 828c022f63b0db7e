// What the upload route answers about a rejected (or accepted, with warnings) upload, and
// how a problem's params become the values of its message. Shared by the route and the
// form, so both say the same thing; pure.
import type {
  UploadedCertificateErrorCode,
  UploadedCertificateWarningCode,
  UploadField,
  UploadParams,
} from "@/lib/pem/uploaded-certificate-errors";

/** Problems the upload itself adds to the parser's vocabulary (codes are only ever added). */
export const UPLOAD_ERROR_CODES = [
  // A valid key of a size CertDesk does not store (RSA other than 2048/3072/4096).
  "KEY_SIZE_NOT_STORED",
  // The same certificate (by fingerprint) is already in the account.
  "ALREADY_UPLOADED",
  "ALIAS_TOO_LONG",
  // Whole-request problems, not about one field.
  "BODY_TOO_LARGE",
  "BODY_MALFORMED",
] as const;
export type UploadErrorCode = (typeof UPLOAD_ERROR_CODES)[number];

export type UploadFormField = UploadField | "alias";

export type UploadProblem = {
  /** null: about the request as a whole. */
  field: UploadFormField | null;
  code: UploadedCertificateErrorCode | UploadErrorCode | UploadedCertificateWarningCode;
  params: UploadParams;
  /** The message in the request's language (times in UTC); the console renders its own in the viewer's zone. */
  message: string;
};

export type UploadResponse =
  | { ok: true; certificateId: string; warnings: UploadProblem[] }
  | { ok: false; code: string; message: string; errors: UploadProblem[] };

const INSTANT_PARAMS = new Set(["notAfter", "notBefore"]);
const BYTE_PARAMS = new Set(["maxBytes", "actualBytes"]);

/** A problem's params as message values: instants formatted by the caller, byte counts in KiB. */
export function uploadProblemValues(
  params: UploadParams,
  formatInstant: (iso: string) => string,
): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) {
    if (INSTANT_PARAMS.has(key) && typeof value === "string") values[key] = formatInstant(value);
    else if (BYTE_PARAMS.has(key) && typeof value === "number") {
      values[key.replace(/Bytes$/, "KiB")] = Math.ceil((value / 1024) * 10) / 10;
    } else values[key] = value;
  }
  return values;
}

// Limits of the certificate upload, shared by the route and the form (so no server imports).

/** The parser's per-field limit (MAX_FIELD_BYTES in lib/pem/parse-uploaded-certificate.ts; a test keeps them equal). */
export const MAX_UPLOAD_FIELD_BYTES = 64 * 1024;
/** Three fields of at most MAX_UPLOAD_FIELD_BYTES each, with room for JSON or multipart framing. */
export const MAX_UPLOAD_BODY_BYTES = 256 * 1024;
export const MAX_UPLOAD_ALIAS_LENGTH = 100;

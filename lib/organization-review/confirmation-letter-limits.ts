// The confirmation letter's bounds, as the original's upload page states them. Client-safe:
// the form checks the size before sending, the server checks it again with the content.
export const MIN_LETTER_BYTES = 1024;
/** 1.4 MB, in the original's decimal megabytes. */
export const MAX_LETTER_BYTES = 1_400_000;
/** The JSON body carrying the letter in base64 (4/3 of it) with room for the field names. */
export const MAX_LETTER_BODY_BYTES = Math.ceil((MAX_LETTER_BYTES * 4) / 3) + 4096;

export const LETTER_TYPES = ["PDF", "PNG", "JPEG"] as const;
export type LetterType = (typeof LETTER_TYPES)[number];

export const LETTER_CONTENT_TYPE: Record<LetterType, string> = {
  PDF: "application/pdf",
  PNG: "image/png",
  JPEG: "image/jpeg",
};

export const LETTER_EXTENSION: Record<LetterType, string> = { PDF: "pdf", PNG: "png", JPEG: "jpg" };

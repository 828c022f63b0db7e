// Whether uploaded bytes are a confirmation letter CertDesk accepts: a PDF, PNG or JPEG by
// its content (the file's name and the browser's MIME type are the customer's to choose,
// so neither is looked at), between 1 KB and 1.4 MB. Pure.
import { LETTER_TYPES, type LetterType, MAX_LETTER_BYTES, MIN_LETTER_BYTES } from "./confirmation-letter-limits";

export type LetterProblemCode = "LETTER_TOO_SMALL" | "LETTER_TOO_LARGE" | "LETTER_NOT_ACCEPTED_TYPE";

export type LetterCheck =
  | { ok: true; type: LetterType }
  | { ok: false; code: LetterProblemCode; params: Record<string, number> };

const SIGNATURES: Record<LetterType, readonly number[]> = {
  // "%PDF-"
  PDF: [0x25, 0x50, 0x44, 0x46, 0x2d],
  PNG: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  JPEG: [0xff, 0xd8, 0xff],
};

export function checkConfirmationLetter(bytes: Uint8Array): LetterCheck {
  if (bytes.byteLength < MIN_LETTER_BYTES) {
    return { ok: false, code: "LETTER_TOO_SMALL", params: { minBytes: MIN_LETTER_BYTES, bytes: bytes.byteLength } };
  }
  if (bytes.byteLength > MAX_LETTER_BYTES) {
    return { ok: false, code: "LETTER_TOO_LARGE", params: { maxBytes: MAX_LETTER_BYTES, bytes: bytes.byteLength } };
  }
  const type = LETTER_TYPES.find((candidate) => SIGNATURES[candidate].every((byte, index) => bytes[index] === byte));
  if (!type) return { ok: false, code: "LETTER_NOT_ACCEPTED_TYPE", params: {} };
  return { ok: true, type };
}

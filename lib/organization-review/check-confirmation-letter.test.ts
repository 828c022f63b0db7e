import { describe, expect, it } from "vitest";
import { checkConfirmationLetter } from "@/lib/organization-review/check-confirmation-letter";
import { MAX_LETTER_BYTES, MIN_LETTER_BYTES } from "@/lib/organization-review/confirmation-letter-limits";
import { readTestLetter } from "@/testing/organization-fixtures";

const fixture = readTestLetter;

/** A file of exactly `size` bytes that starts as `head` does. */
function sized(head: Uint8Array, size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set(head.subarray(0, Math.min(head.byteLength, size)));
  return bytes;
}

describe("the confirmation letter's check", () => {
  it("accepts a real PDF, PNG and JPEG by their content", () => {
    expect(checkConfirmationLetter(fixture("letter.pdf"))).toEqual({ ok: true, type: "PDF" });
    expect(checkConfirmationLetter(fixture("letter.png"))).toEqual({ ok: true, type: "PNG" });
    expect(checkConfirmationLetter(fixture("letter.jpg"))).toEqual({ ok: true, type: "JPEG" });
  });

  it("refuses a program or a text file whatever its name says", () => {
    expect(checkConfirmationLetter(fixture("program.exe.pdf"))).toEqual({
      ok: false,
      code: "LETTER_NOT_ACCEPTED_TYPE",
      params: {},
    });
    expect(checkConfirmationLetter(fixture("notes.txt.png"))).toMatchObject({
      ok: false,
      code: "LETTER_NOT_ACCEPTED_TYPE",
    });
    // A signature cut short is not the signature.
    expect(checkConfirmationLetter(sized(new TextEncoder().encode("%PDF"), 2048))).toMatchObject({
      ok: false,
      code: "LETTER_NOT_ACCEPTED_TYPE",
    });
  });

  it("takes 1 KB and 1.4 MB exactly, and not a byte outside", () => {
    const pdf = fixture("letter.pdf");
    expect(MIN_LETTER_BYTES).toBe(1024);
    expect(MAX_LETTER_BYTES).toBe(1_400_000);
    expect(checkConfirmationLetter(sized(pdf, 1024))).toEqual({ ok: true, type: "PDF" });
    expect(checkConfirmationLetter(sized(pdf, 1023))).toEqual({
      ok: false,
      code: "LETTER_TOO_SMALL",
      params: { minBytes: 1024, bytes: 1023 },
    });
    expect(checkConfirmationLetter(sized(pdf, 1_400_000))).toEqual({ ok: true, type: "PDF" });
    expect(checkConfirmationLetter(sized(pdf, 1_400_001))).toEqual({
      ok: false,
      code: "LETTER_TOO_LARGE",
      params: { maxBytes: 1_400_000, bytes: 1_400_001 },
    });
  });

  it("says the size before the type: an empty or tiny file is too small, not of the wrong type", () => {
    expect(checkConfirmationLetter(new Uint8Array(0))).toMatchObject({ code: "LETTER_TOO_SMALL" });
  });
});

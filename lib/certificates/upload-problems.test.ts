import { describe, expect, it } from "vitest";
import { MAX_UPLOAD_FIELD_BYTES } from "@/lib/certificates/upload-limits";
import { uploadProblemValues } from "@/lib/certificates/upload-problems";
import { MAX_FIELD_BYTES } from "@/lib/pem/parse-uploaded-certificate";

describe("uploadProblemValues", () => {
  it("formats instants and shows sizes in KiB", () => {
    expect(
      uploadProblemValues(
        { notAfter: "2026-01-02T03:04:05.000Z", maxBytes: 65_536, actualBytes: 65_538, position: 2 },
        (iso) => `at ${iso}`,
      ),
    ).toEqual({ notAfter: "at 2026-01-02T03:04:05.000Z", maxKiB: 64, actualKiB: 64.1, position: 2 });
  });

  it("uses the parser's field limit", () => {
    expect(MAX_UPLOAD_FIELD_BYTES).toBe(MAX_FIELD_BYTES);
  });
});

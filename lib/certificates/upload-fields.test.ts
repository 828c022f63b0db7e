import { describe, expect, it } from "vitest";
import { uploadFieldsProblem, uploadFieldsSchema } from "@/lib/certificates/upload-fields";
import { MAX_UPLOAD_ALIAS_LENGTH } from "@/lib/certificates/upload-limits";

const problemOf = (input: unknown) => {
  const parsed = uploadFieldsSchema.safeParse(input);
  return parsed.success ? "ok" : uploadFieldsProblem(parsed.error.issues);
};

describe("uploadFieldsSchema (the upload form and the upload route)", () => {
  it("trims the alias and defaults the certificate to empty (the parser then says EMPTY)", () => {
    expect(uploadFieldsSchema.parse({ alias: "  Shop  " })).toEqual({ certificatePem: "", alias: "Shop" });
  });

  it("refuses an alias over the limit as ALIAS_TOO_LONG, counted after trimming", () => {
    expect(problemOf({ certificatePem: "x", alias: `  ${"a".repeat(MAX_UPLOAD_ALIAS_LENGTH)}  ` })).toBe("ok");
    expect(problemOf({ certificatePem: "x", alias: "a".repeat(MAX_UPLOAD_ALIAS_LENGTH + 1) })).toEqual({
      field: "alias",
      code: "ALIAS_TOO_LONG",
      params: { max: MAX_UPLOAD_ALIAS_LENGTH },
    });
  });

  it("has no field problem for fields that are not text: that body is malformed", () => {
    expect(problemOf({ certificatePem: 42 })).toBeNull();
    expect(problemOf({ certificatePem: "x", alias: 42 })).toBeNull();
    expect(problemOf("not an object")).toBeNull();
  });
});

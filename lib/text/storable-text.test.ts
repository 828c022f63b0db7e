import { describe, expect, it } from "vitest";
import { findUnstorableText, isLookupId, isStorableText } from "@/lib/text/storable-text";

describe("storable text", () => {
  it("refuses NUL, and only NUL, among odd characters", () => {
    expect(isStorableText("a\u0000b")).toBe(false);
    for (const odd of ["\u202Egnp.exe", "a\u200Bb", "\uD800", "<script>", "'; DROP TABLE x; --", ""]) {
      expect(isStorableText(odd)).toBe(true);
    }
  });

  it("takes as an id only short, storable text", () => {
    expect(isLookupId("cm1abcdefghijklmnop")).toBe(true);
    expect(isLookupId("x".repeat(65))).toBe(false);
    expect(isLookupId("abc\u0000")).toBe(false);
  });

  it("finds the first unstorable string anywhere in an input, keys included", () => {
    expect(findUnstorableText({ a: "ok", b: ["ok", { c: "x\u0000" }] })).toBe("b.1.c");
    expect(findUnstorableText("\u0000")).toBe("");
    expect(findUnstorableText({ "k\u0000": 1 })).toBe("k\u0000");
    expect(findUnstorableText({ a: 1, b: null, c: [true], d: "fine" })).toBeNull();
    const cyclic: Record<string, unknown> = { name: "loop" };
    cyclic.self = cyclic;
    expect(findUnstorableText(cyclic)).toBeNull();
  });
});

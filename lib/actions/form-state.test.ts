import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "@/lib/actions/form-state";

describe("safeRedirectPath", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeRedirectPath("/certificates/buy?resume=1&free=1", "/")).toBe("/certificates/buy?resume=1&free=1");
    expect(safeRedirectPath("/billing#ledger", "/")).toBe("/billing#ledger");
  });

  it.each([
    "https://evil.example/",
    "//evil.example/path",
    "/\\evil.example",
    "/\\\\evil.example",
    "\\\\evil.example",
    "javascript:alert(1)",
    "certificates",
    "/certificates\u0000",
    "/\tevil",
    "/certificates\\..\\x",
    `/${"a".repeat(2_001)}`,
  ])("refuses %j", (value) => {
    expect(safeRedirectPath(value, "/fallback")).toBe("/fallback");
  });

  it("refuses what is not a string", () => {
    expect(safeRedirectPath(undefined, "/x")).toBe("/x");
    expect(safeRedirectPath(["/a"], "/x")).toBe("/x");
  });
});

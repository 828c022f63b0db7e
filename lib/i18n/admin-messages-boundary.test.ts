import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { withoutAdminMessages } from "@/messages/load-messages";

// Customer pages are sent every namespace except the admin-only ones (app/layout.tsx): a
// component outside the admin area that asked for those strings would show raw keys there.
function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory())
      return full === path.join("app", "admin") || full === path.join("components", "admin") ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("admin-only messages", () => {
  it("are left out of what every page sends, and kept for the admin area", () => {
    const trimmed = withoutAdminMessages({ admin: {}, jobs: {}, certificates: {}, common: {} });
    expect(Object.keys(trimmed)).toEqual(["certificates", "common"]);
  });

  it("are asked for only by the admin area's pages and components", () => {
    const outside = [...sourceFiles("app"), ...sourceFiles("components")].filter((file) => {
      const source = readFileSync(file, "utf8");
      return (
        /Translations\(\s*["'`](admin|jobs)\b/.test(source) ||
        /\bt\(\s*["'`](admin|jobs)\./.test(source) ||
        source.includes("@/components/admin/")
      );
    });
    expect(outside).toEqual([]);
  });
});

// The application (app/, components/, lib/) never depends on test support: a factory or a
// test server imported by a page would ship with the product. Tests next to the code
// (*.test.ts) may import from testing/.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
const APPLICATION_FOLDERS = ["app", "components", "lib"];

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.startsWith("lib/generated/") && !/\.test\.tsx?$/.test(file));
}

const IMPORT_OF_TEST_SUPPORT = /(?:from\s+|import\s*\(?\s*)["'](?:@\/testing\/|(?:\.\.\/)+testing\/)/;

describe("application code", () => {
  it("imports nothing from testing/", () => {
    const offenders = APPLICATION_FOLDERS.flatMap(sourceFiles).filter((file) =>
      IMPORT_OF_TEST_SUPPORT.test(readFileSync(path.join(ROOT, file), "utf8")),
    );
    expect(offenders).toEqual([]);
  });

  it("has no test-support folders left in lib/", () => {
    const folders = readdirSync(path.join(ROOT, "lib"), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isDirectory() && ["testing", "security", "fixtures"].includes(entry.name))
      .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)));
    expect(folders).toEqual([]);
  });
});

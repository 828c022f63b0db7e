// acme-client (and the axios it runs on) stays behind lib/acme: the rest of CertDesk
// calls our functions and types, so replacing the library touches one folder.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const IMPORT_OF_ACME_LIBRARY = /(?:from\s+|import\s*\(?\s*|require\(\s*)["'](?:acme-client|axios)(?:\/[^"']*)?["']/;

function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.startsWith("lib/generated/"));
}

describe("the ACME module boundary", () => {
  it("is the only code that imports acme-client or axios", () => {
    const offenders = ["app", "components", "lib", "testing", "scripts"]
      .flatMap(sourceFiles)
      .filter((file) => !file.startsWith("lib/acme/"))
      .filter((file) => IMPORT_OF_ACME_LIBRARY.test(readFileSync(path.join(ROOT, file), "utf8")));
    expect(offenders).toEqual([]);
  });
});

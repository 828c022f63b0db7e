import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import {
  CONSOLE_PAGE_BUDGET_BYTES,
  formatPageWeightTable,
  measurePageWeights,
  pagesOverBudget,
  routeOfEntry,
} from "./page-weight";

describe("routeOfEntry", () => {
  it("drops route groups and the page segment, keeping dynamic segments", () => {
    expect(routeOfEntry("/(console)/certificates/(list)/page")).toBe("/certificates");
    expect(routeOfEntry("/(console)/certificates/[id]/page")).toBe("/certificates/[id]");
    expect(routeOfEntry("/admin/customers/[id]/page")).toBe("/admin/customers/[id]");
    expect(routeOfEntry("/(auth)/sign-in/page")).toBe("/sign-in");
    expect(routeOfEntry("/page")).toBe("/");
  });
});

// A fake production build: the runtime chunk every page loads, and per page a client
// reference manifest naming its own chunks, as Next.js writes them.
let buildDir: string | undefined;
afterEach(() => {
  if (buildDir) rmSync(buildDir, { recursive: true, force: true });
  buildDir = undefined;
});

/** Text that gzip cannot shrink much, so sizes are predictable. */
function incompressible(bytes: number, seed: number): string {
  let state = seed;
  let text = "";
  while (text.length < bytes) {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    text += String.fromCharCode(33 + (state % 90));
  }
  return text;
}

function fakeBuild(pages: Record<string, { chunks: Record<string, number> }>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "page-weight-"));
  const chunk = (name: string, bytes: number, seed: number) => {
    mkdirSync(path.join(dir, "static", "chunks"), { recursive: true });
    writeFileSync(path.join(dir, "static", "chunks", name), incompressible(bytes, seed));
  };
  chunk("runtime.js", 4_000, 1);
  writeFileSync(path.join(dir, "build-manifest.json"), JSON.stringify({ rootMainFiles: ["static/chunks/runtime.js"] }));
  let seed = 2;
  for (const [entry, { chunks }] of Object.entries(pages)) {
    for (const [name, bytes] of Object.entries(chunks)) chunk(name, bytes, seed++);
    const manifestDir = path.join(dir, "server", "app", entry.replace(/\/page$/, ""));
    mkdirSync(manifestDir, { recursive: true });
    const manifest = {
      entryJSFiles: {
        [`[project]/app${entry}`]: [
          "static/chunks/runtime.js",
          ...Object.keys(chunks).map((name) => `static/chunks/${name}`),
        ],
      },
    };
    writeFileSync(
      path.join(manifestDir, "page_client-reference-manifest.js"),
      `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST[${JSON.stringify(entry)}] = ${JSON.stringify(manifest)};\n`,
    );
  }
  buildDir = dir;
  return dir;
}

/** What the fake build's chunk of this size and seed weighs gzipped. */
const gzipped = (bytes: number, seed: number) => gzipSync(incompressible(bytes, seed), { level: 9 }).length;

describe("measurePageWeights", () => {
  it("adds the runtime and each page's own chunks, gzipped, counting a shared chunk once", () => {
    const dir = fakeBuild({
      "/(console)/certificates/(list)/page": { chunks: { "list.js": 3_000 } },
      "/admin/page": { chunks: { "admin.js": 1_000, "charts.js": 2_000 } },
      "/(auth)/sign-in/page": { chunks: {} },
    });
    const weights = measurePageWeights(dir);
    const runtime = gzipped(4_000, 1);
    expect(weights).toEqual([
      { route: "/admin", area: "admin", files: 3, gzipBytes: runtime + gzipped(1_000, 3) + gzipped(2_000, 4) },
      { route: "/certificates", area: "console", files: 2, gzipBytes: runtime + gzipped(3_000, 2) },
      { route: "/sign-in", area: "auth", files: 1, gzipBytes: runtime },
    ]);
  });

  it("names the console pages over the budget, and only those", () => {
    const dir = fakeBuild({
      "/(console)/billing/page": { chunks: { "billing.js": 12_000 } },
      "/(console)/notifications/page": { chunks: { "notifications.js": 2_000 } },
      "/admin/page": { chunks: { "admin.js": 20_000 } },
    });
    const weights = measurePageWeights(dir);
    const budget = 10 * 1024;
    expect(pagesOverBudget(weights, budget).map((weight) => weight.route)).toEqual(["/billing"]);
    expect(pagesOverBudget(weights).map((weight) => weight.route)).toEqual([]);
    expect(CONSOLE_PAGE_BUDGET_BYTES).toBe(185 * 1024);
    const table = formatPageWeightTable(weights, budget);
    expect(table).toMatch(/\/billing\s+console\s+2\s+[\d.]+\s+OVER/);
    expect(table).toMatch(/\/notifications\s+console\s+2\s+[\d.]+\s+ok/);
  });

  it("refuses a folder without a build, or a page whose manifest names no chunks", () => {
    const empty = mkdtempSync(path.join(tmpdir(), "page-weight-"));
    buildDir = empty;
    expect(() => measurePageWeights(empty)).toThrow(/No production build/);
    writeFileSync(path.join(empty, "build-manifest.json"), JSON.stringify({ rootMainFiles: ["static/chunks/r.js"] }));
    mkdirSync(path.join(empty, "server", "app"), { recursive: true });
    expect(() => measurePageWeights(empty)).toThrow(/No pages found/);
    mkdirSync(path.join(empty, "server", "app", "admin"), { recursive: true });
    writeFileSync(
      path.join(empty, "server", "app", "admin", "page_client-reference-manifest.js"),
      'globalThis.__RSC_MANIFEST = { "/admin/page": { entryJSFiles: {} } };',
    );
    expect(() => measurePageWeights(empty)).toThrow(/names no JavaScript/);
  });
});

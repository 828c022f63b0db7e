// First-load JavaScript per page of a production build: the runtime chunks every page
// loads (build-manifest rootMainFiles) plus the chunks of every client entry the page's
// client reference manifest lists (its layouts, the page itself, and the error and
// not-found boundaries around it, which the browser loads with the page), each gzipped
// as a server would send it.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

export type PageWeight = {
  route: string;
  /** "console" pages carry the budget; admin and sign-in pages are reported. */
  area: "console" | "admin" | "auth" | "other";
  files: number;
  gzipBytes: number;
};

/** kB of gzip a console page may load before it becomes interactive. */
export const CONSOLE_PAGE_BUDGET_BYTES = 185 * 1024;

type ClientManifest = { entryJSFiles?: Record<string, string[]> };

function manifestFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...manifestFiles(full));
    else if (entry.name === "page_client-reference-manifest.js") found.push(full);
  }
  return found;
}

/** "/(console)/certificates/(list)/page" → "/certificates"; route groups are not in URLs. */
export function routeOfEntry(entry: string): string {
  const segments = entry
    .replace(/\/page$/, "")
    .split("/")
    .filter((segment) => segment && !(segment.startsWith("(") && segment.endsWith(")")));
  return `/${segments.join("/")}`;
}

function areaOf(entry: string): PageWeight["area"] {
  if (entry.startsWith("/(console)/")) return "console";
  if (entry.startsWith("/admin")) return "admin";
  if (entry.startsWith("/(auth)/")) return "auth";
  return "other";
}

/**
 * Every page's first-load JavaScript in the production build in `distDir`. Throws when the
 * folder holds no build, or a page's manifest names no chunks for it, so a check built on
 * this cannot pass by measuring nothing.
 */
export function measurePageWeights(distDir: string): PageWeight[] {
  const buildManifestPath = path.join(distDir, "build-manifest.json");
  if (!existsSync(buildManifestPath)) {
    throw new Error(`No production build in ${distDir} (no build-manifest.json): run \`next build\` first.`);
  }
  const buildManifest = JSON.parse(readFileSync(buildManifestPath, "utf8")) as { rootMainFiles?: string[] };
  if (!buildManifest.rootMainFiles?.length) {
    throw new Error(`${buildManifestPath} lists no rootMainFiles: not an App Router production build.`);
  }
  const rootMainFiles = buildManifest.rootMainFiles;
  const gzipped = new Map<string, number>();
  const sizeOf = (file: string) => {
    let size = gzipped.get(file);
    if (size === undefined) {
      size = gzipSync(readFileSync(path.join(distDir, file)), { level: 9 }).length;
      gzipped.set(file, size);
    }
    return size;
  };
  const appDir = path.join(distDir, "server", "app");
  const weights: PageWeight[] = [];
  for (const file of manifestFiles(appDir)) {
    const sandbox: { globalThis: { __RSC_MANIFEST?: Record<string, ClientManifest> } } = { globalThis: {} };
    runInNewContext(readFileSync(file, "utf8"), sandbox);
    for (const [entry, manifest] of Object.entries(sandbox.globalThis.__RSC_MANIFEST ?? {})) {
      const entryFiles = Object.values(manifest.entryJSFiles ?? {}).flat();
      if (entryFiles.length === 0) throw new Error(`${file} names no JavaScript for ${entry}.`);
      const files = new Set([...rootMainFiles, ...entryFiles]);
      let gzipBytes = 0;
      for (const chunk of files) gzipBytes += sizeOf(chunk);
      weights.push({ route: routeOfEntry(entry), area: areaOf(entry), files: files.size, gzipBytes });
    }
  }
  if (weights.length === 0) throw new Error(`No pages found under ${appDir}.`);
  return weights.sort((a, b) => a.route.localeCompare(b.route));
}

/** The console pages that load more than the budget. */
export function pagesOverBudget(weights: PageWeight[], budgetBytes = CONSOLE_PAGE_BUDGET_BYTES): PageWeight[] {
  return weights.filter((weight) => weight.area === "console" && weight.gzipBytes > budgetBytes);
}

const kB = (bytes: number) => (bytes / 1024).toFixed(1);

/** A plain-text table: route, area, chunks, kB gzip, and the budget verdict of console pages. */
export function formatPageWeightTable(weights: PageWeight[], budgetBytes = CONSOLE_PAGE_BUDGET_BYTES): string {
  const rows = weights.map((weight) => [
    weight.route,
    weight.area,
    String(weight.files),
    kB(weight.gzipBytes),
    weight.area === "console" ? (weight.gzipBytes > budgetBytes ? "OVER" : "ok") : "",
  ]);
  const header = ["route", "area", "chunks", "kB gzip", `≤ ${kB(budgetBytes)} kB`];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === 2 || column === 3 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0),
      )
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((width) => "-".repeat(width))), ...rows.map(line)].join("\n");
}

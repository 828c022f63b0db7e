// First-load JavaScript per page of a production build: the runtime chunks every page
// loads (build-manifest rootMainFiles) plus the chunks of the page's own entry and its
// layouts (the page's client reference manifest), each gzipped as a server would send it.
import { readdirSync, readFileSync } from "node:fs";
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
export const CONSOLE_PAGE_BUDGET_BYTES = 170 * 1024;

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

export function measurePageWeights(distDir: string): PageWeight[] {
  const buildManifest = JSON.parse(readFileSync(path.join(distDir, "build-manifest.json"), "utf8")) as {
    rootMainFiles: string[];
  };
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
      const pageKey = `[project]/app${entry}`;
      const pageFiles = manifest.entryJSFiles?.[pageKey] ?? [];
      const files = new Set([...buildManifest.rootMainFiles, ...pageFiles]);
      let gzipBytes = 0;
      for (const chunk of files) gzipBytes += sizeOf(chunk);
      weights.push({ route: routeOfEntry(entry), area: areaOf(entry), files: files.size, gzipBytes });
    }
  }
  return weights.sort((a, b) => a.route.localeCompare(b.route));
}

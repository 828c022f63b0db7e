// Every public entry point of the app, read from the source rather than from a list
// someone must remember to update: server actions (modules whose first statement is
// "use server", and what they export) and route handlers (app/**/route.ts and the HTTP
// methods they export). The security tests compare these sets against their tables.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export type ServerActionEntry = {
  /** Path from the repository root, e.g. "app/(console)/billing/actions.ts". */
  file: string;
  name: string;
  /** "<file>#<name>": the key of the action in the security tables. */
  key: string;
};

export type RouteHandlerEntry = {
  file: string;
  method: string;
  /** URL path with its dynamic segments as written, e.g. "/api/certificates/[id]". */
  path: string;
  /** "<METHOD> <path>": the key of the handler in the security tables. */
  key: string;
};

const SOURCE_FOLDERS = ["app", "lib", "components"];
const HTTP_METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const SOURCE_FILE = /\.(ts|tsx|js|jsx|mjs)$/;
const FILE_LEVEL_DIRECTIVE = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*["']use server["']/;
const ANY_DIRECTIVE = /^\s*["']use server["'];?\s*$/m;

function sourceFiles(root: string, folder: string): string[] {
  return readdirSync(path.join(root, folder), { recursive: true, encoding: "utf8" })
    .filter((file) => SOURCE_FILE.test(file) && !file.includes("node_modules") && !file.includes("generated"))
    .map((file) => path.join(folder, file).split(path.sep).join("/"));
}

/** Names a module exports (values only: `export type` and `export interface` are not entry points). */
export function exportedNames(source: string): string[] {
  const names = new Set<string>();
  for (const match of source.matchAll(/export\s+(?:async\s+)?(?:const|let|var|function\*?)\s+([A-Za-z_$][\w$]*)/g)) {
    if (match[1]) names.add(match[1]);
  }
  for (const match of source.matchAll(/export\s+(?:const|let|var)\s*\{([^}]*)\}/g)) {
    for (const part of match[1]?.split(",") ?? []) {
      const name = part.split(":").pop()?.trim();
      if (name) names.add(name);
    }
  }
  for (const match of source.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const part of match[1]?.split(",") ?? []) {
      if (/^\s*type\s/.test(part)) continue;
      const name = part
        .split(/\s+as\s+/)
        .pop()
        ?.trim();
      if (name) names.add(name);
    }
  }
  if (/export\s+default\s/.test(source)) names.add("default");
  return [...names].sort();
}

/**
 * Server actions: every value exported by a "use server" module. A "use server"
 * directive anywhere else (an inline action inside a component) cannot be called
 * from a test, so it is reported as an error instead of being silently skipped.
 */
export function listServerActions(root: string): ServerActionEntry[] {
  const entries: ServerActionEntry[] = [];
  for (const folder of SOURCE_FOLDERS) {
    for (const file of sourceFiles(root, folder)) {
      const source = readFileSync(path.join(root, file), "utf8");
      if (!ANY_DIRECTIVE.test(source)) continue;
      if (!FILE_LEVEL_DIRECTIVE.test(source)) {
        throw new Error(
          `${file}: inline "use server" actions are not covered by the security tests; move it to an actions module`,
        );
      }
      for (const name of exportedNames(source)) entries.push({ file, name, key: `${file}#${name}` });
    }
  }
  return entries.sort((a, b) => a.key.localeCompare(b.key));
}

/** The URL path of a route file: route groups dropped, dynamic segments kept as written. */
export function routePath(file: string): string {
  const segments = path.posix
    .dirname(file)
    .split("/")
    .slice(1)
    .filter((segment) => !(segment.startsWith("(") && segment.endsWith(")")));
  return `/${segments.join("/")}`;
}

export function listRouteHandlers(root: string): RouteHandlerEntry[] {
  const entries: RouteHandlerEntry[] = [];
  for (const file of sourceFiles(root, "app")) {
    if (!/(^|\/)route\.(ts|js)$/.test(file)) continue;
    const source = readFileSync(path.join(root, file), "utf8");
    for (const method of exportedNames(source).filter((name) => HTTP_METHODS.has(name))) {
      const urlPath = routePath(file);
      entries.push({ file, method, path: urlPath, key: `${method} ${urlPath}` });
    }
  }
  return entries.sort((a, b) => a.key.localeCompare(b.key));
}

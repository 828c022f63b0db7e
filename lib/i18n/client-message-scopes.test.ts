import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_MESSAGE_SCOPES, type ClientMessageScope, pickMessages } from "@/lib/i18n/client-message-scopes";
import { loadMessages } from "@/messages/load-messages";

const ROOT = path.resolve(import.meta.dirname, "../..");
const APP = path.join(ROOT, "app");
const relative = (file: string) => path.relative(ROOT, file);

// The files Next.js renders for a route segment, all of them under the segment's layout.
const SEGMENT_FILE = /^(page|layout|loading|error|not-found|template|default)\.tsx$/;

function segmentFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return segmentFiles(full);
    return SEGMENT_FILE.test(entry.name) ? [full] : [];
  });
}

function declaredScope(layout: string): ClientMessageScope | undefined {
  const match = /<ScopedMessages\s+scope="(\w+)"/.exec(readFileSync(layout, "utf8"));
  return match?.[1] as ClientMessageScope | undefined;
}

/** The scope of the nearest layout at or above the file's folder that provides one. */
function governingScope(file: string): ClientMessageScope {
  for (let directory = path.dirname(file); directory.startsWith(APP); directory = path.dirname(directory)) {
    const layout = path.join(directory, "layout.tsx");
    const scope = existsSync(layout) ? declaredScope(layout) : undefined;
    if (scope) return scope;
  }
  throw new Error(`${relative(file)} is under no layout that provides messages`);
}

function resolveImport(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith("@/")
    ? path.join(ROOT, specifier.slice(2))
    : specifier.startsWith(".")
      ? path.resolve(path.dirname(from), specifier)
      : undefined;
  if (!base) return undefined;
  const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")];
  return candidates.find(
    (candidate) => /\.tsx?$/.test(candidate) && existsSync(candidate) && statSync(candidate).isFile(),
  );
}

/** The message paths a file asks for: useTranslations("ns.part"), or t("ns.key") after useTranslations(). */
function messagePathsUsed(source: string): string[] {
  const used = [...source.matchAll(/useTranslations\(\s*["'`]([\w.]+)["'`]/g)].map((match) => match[1] ?? "");
  if (/useTranslations\(\s*\)/.test(source)) {
    used.push(
      ...[...source.matchAll(/\bt(?:\.rich|\.markup|\.has)?\(\s*["'`](\w+)\./g)].map((match) => match[1] ?? ""),
    );
  }
  return used;
}

/** Every message path used by the entry files and whatever they import (statically or lazily), with who uses it. */
function usedFrom(entries: string[]): Map<string, string[]> {
  const used = new Map<string, string[]>();
  const seen = new Set<string>();
  const pending = [...entries];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, "utf8");
    for (const messagePath of messagePathsUsed(source))
      used.set(messagePath, [...(used.get(messagePath) ?? []), relative(file)]);
    for (const match of source.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["']([^"']+)["']/g)) {
      const target = resolveImport(file, match[1] ?? "");
      if (target) pending.push(target);
    }
  }
  return used;
}

const covers = (provided: string, used: string) => used === provided || used.startsWith(`${provided}.`);

const filesByScope = new Map<ClientMessageScope, string[]>();
for (const file of segmentFiles(APP)) {
  const scope = governingScope(file);
  filesByScope.set(scope, [...(filesByScope.get(scope) ?? []), file]);
}
const scopes = Object.keys(CLIENT_MESSAGE_SCOPES) as ClientMessageScope[];

describe("client message scopes", () => {
  it("are each provided by a layout, and every page is under one", () => {
    expect([...filesByScope.keys()].sort()).toEqual([...scopes].sort());
  });

  it.each(scopes)("%s holds every namespace its components use", (scope) => {
    const provided: readonly string[] = CLIENT_MESSAGE_SCOPES[scope];
    const missing = [...usedFrom(filesByScope.get(scope) ?? [])]
      .filter(([used]) => !provided.some((messagePath) => covers(messagePath, used)))
      .map(([used, files]) => `${used} (${files.join(", ")})`);
    expect(missing).toEqual([]);
  });

  it.each(scopes)("%s holds nothing its components do not use", (scope) => {
    const used = [...usedFrom(filesByScope.get(scope) ?? []).keys()];
    const unused = CLIENT_MESSAGE_SCOPES[scope].filter(
      (provided: string) => !used.some((messagePath) => covers(provided, messagePath) || covers(messagePath, provided)),
    );
    expect(unused).toEqual([]);
  });

  it("keep the admin area's strings out of customer pages", () => {
    const customerScopes = scopes.filter((scope) => scope !== "admin");
    const leaked = customerScopes.filter((scope) =>
      CLIENT_MESSAGE_SCOPES[scope].some((messagePath: string) => /^(admin|jobs)(\.|$)/.test(messagePath)),
    );
    expect(leaked).toEqual([]);
  });

  it("name paths that exist in both languages and do not overlap", async () => {
    for (const locale of ["en", "zh-CN"] as const) {
      const messages = await loadMessages(locale);
      for (const scope of scopes) {
        const paths: readonly string[] = CLIENT_MESSAGE_SCOPES[scope];
        for (const messagePath of paths) {
          const value = messagePath
            .split(".")
            .reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], messages);
          expect(value, `${locale} ${scope} ${messagePath}`).toBeTypeOf("object");
          expect(
            paths.filter((other) => other !== messagePath && covers(messagePath, other)),
            scope,
          ).toEqual([]);
        }
      }
    }
  });
});

describe("pickMessages", () => {
  const messages = {
    common: { save: "Save" },
    notifications: { bell: { label: "Notifications" }, settings: { title: "Settings" } },
    billing: { title: "Billing" },
  };

  it("keeps whole namespaces and single parts, nested as they were", () => {
    expect(pickMessages(messages, ["common", "notifications.bell"])).toEqual({
      common: { save: "Save" },
      notifications: { bell: { label: "Notifications" } },
    });
  });

  it("shares the strings rather than copying them, and leaves the source as it was", () => {
    const picked = pickMessages(messages, ["notifications.bell", "notifications.settings"]);
    expect((picked.notifications as Record<string, unknown>).bell).toBe(messages.notifications.bell);
    expect(picked.notifications).not.toBe(messages.notifications);
    expect(Object.keys(messages)).toEqual(["common", "notifications", "billing"]);
  });

  it("skips paths that are not there", () => {
    expect(pickMessages(messages, ["missing", "notifications.missing", "common"])).toEqual({
      common: { save: "Save" },
    });
  });
});

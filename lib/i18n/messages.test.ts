import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadMessages, NAMESPACES } from "@/messages/load-messages";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") entries.set(path, value);
    else for (const [k, v] of flatten(value, path)) entries.set(k, v);
  }
  return entries;
}

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((m) => m[1]))].sort();

const english = flatten((await loadMessages("en")) as unknown as Tree);
const chinese = flatten((await loadMessages("zh-CN")) as unknown as Tree);

describe("translations", () => {
  it("loads every namespace file there is, in both languages", () => {
    for (const locale of ["en", "zh-CN"]) {
      const files = readdirSync(`messages/${locale}`).map((file) => file.replace(/\.json$/, ""));
      expect(files.sort(), locale).toEqual([...NAMESPACES].sort());
    }
  });

  it("has every English string in Simplified Chinese and nothing extra", () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it("keeps the same placeholders in both languages", () => {
    for (const [key, text] of english) {
      expect(placeholders(chinese.get(key) ?? ""), key).toEqual(placeholders(text));
    }
  });

  it("has no empty strings", () => {
    for (const [key, text] of [...english, ...chinese]) expect(text.trim(), key).not.toBe("");
  });
});

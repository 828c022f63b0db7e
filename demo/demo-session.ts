// Runs the story's steps one after another: each captions itself on screen (an overlay
// in the page) and in the terminal, asserts its outcome, and leaves a numbered
// screenshot. The first failing step ends the story; the report says which.
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import type { DemoTranslator } from "@/demo/demo-translator";
import type { StoryState } from "@/demo/story-state";
import type { Locale } from "@/lib/i18n/locales";
import type { LocalDnsServer } from "@/testing/local-dns-server";

export type Caption = Record<Locale, string>;
export type Actor = "customer" | "admin";

export type DemoContext = {
  customer: Page;
  admin: Page;
  i18n: DemoTranslator;
  dns: LocalDnsServer;
  databaseUrl: string;
  accounts: { customer: Credentials; admin: Credentials };
  /** What earlier steps found out or chose, for the later ones. */
  state: StoryState;
  /** A detail line under the step's caption, on screen and in the terminal. */
  say: (page: Page, caption: Caption) => Promise<void>;
  /** An extra screenshot inside the step (the step's own is taken when it ends). */
  snap: (page: Page, label: string) => Promise<void>;
};

export type Credentials = { email: string; password: string };

export type DemoStep = {
  /** For file names: "activate-eligible". */
  id: string;
  actor: Actor;
  caption: Caption;
  run: (context: DemoContext) => Promise<void>;
};

export type StepRecord = {
  number: number;
  id: string;
  caption: string;
  details: string[];
  status: "passed" | "failed" | "skipped";
  durationMs: number;
  screenshots: string[];
  error?: string;
};

export const CAPTION_KEY = "certdesk-demo-caption";

/**
 * Installed in every page of the demo: shows the current caption after each page load.
 * A string, not a function: tsx compiles functions with helpers the page does not have.
 */
export function captionInitScript(storageKey: string): string {
  const key = JSON.stringify(storageKey);
  return `(() => {
  const render = () => {
    const raw = window.sessionStorage.getItem(${key});
    if (!raw || !document.body) return;
    const { title, detail, step } = JSON.parse(raw);
    let box = document.getElementById(${key});
    if (!box) {
      box = document.createElement("div");
      box.id = ${key};
      box.setAttribute("aria-hidden", "true");
      box.style.cssText = "position:fixed;left:16px;bottom:16px;z-index:2147483647;" +
        "max-width:min(560px,calc(100vw - 32px));padding:12px 16px;border-radius:10px;" +
        "background:rgba(15,23,42,.92);color:#fff;font:14px/1.45 system-ui,sans-serif;" +
        "box-shadow:0 8px 24px rgba(0,0,0,.35);pointer-events:none";
    }
    // Re-attached last each time, so it stays above dialogs and toasts added since.
    document.body.appendChild(box);
    box.replaceChildren();
    const line = (text, css) => {
      const element = document.createElement("div");
      element.style.cssText = css;
      element.textContent = text;
      box.append(element);
    };
    line(step, "font-size:11px;letter-spacing:.06em;text-transform:uppercase;opacity:.7");
    line(title, "font-weight:600;font-size:15px");
    if (detail) line(detail, "margin-top:4px;opacity:.9");
  };
  window.__certdeskDemoCaption = render;
  if (document.readyState === "complete") render();
  else window.addEventListener("load", render);
})();`;
}

async function showCaption(page: Page, caption: { step: string; title: string; detail: string }): Promise<void> {
  // A blank page has no storage; the caption appears with the first page of the app.
  if (!page.url().startsWith("http")) return;
  await page.evaluate(
    ([key, value]) => {
      window.sessionStorage.setItem(key, value);
      (window as unknown as Record<string, (() => void) | undefined>).__certdeskDemoCaption?.();
    },
    [CAPTION_KEY, JSON.stringify(caption)] as const,
  );
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40);
}

export type RunOptions = {
  outputDir: string;
  slow: boolean;
  log: (line: string) => void;
};

/** Empties the output folder of an earlier run's screenshots and report. */
export function prepareOutputDir(outputDir: string): void {
  mkdirSync(outputDir, { recursive: true });
  for (const file of readdirSync(outputDir)) {
    if (/\.(png|html|json|log)$/.test(file)) rmSync(path.join(outputDir, file), { force: true });
  }
}

export async function runSteps(
  steps: readonly DemoStep[],
  base: Omit<DemoContext, "say" | "snap" | "state">,
  options: RunOptions,
): Promise<StepRecord[]> {
  const { outputDir, slow, log } = options;
  const lang = base.i18n.locale;
  const records: StepRecord[] = [];
  const state: StoryState = {};
  const pause = (ms: number) => (slow ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve());
  let failed = false;

  for (const [index, step] of steps.entries()) {
    const number = index + 1;
    const stepLabel = `${lang === "zh-CN" ? "步骤" : "Step"} ${number}/${steps.length}`;
    const title = step.caption[lang];
    const record: StepRecord = {
      number,
      id: step.id,
      caption: title,
      details: [],
      status: "skipped",
      durationMs: 0,
      screenshots: [],
    };
    records.push(record);
    if (failed) continue;

    const page = step.actor === "customer" ? base.customer : base.admin;
    const prefix = String(number).padStart(2, "0");
    let shot = 0;
    const screenshot = async (target: Page, label: string) => {
      shot += 1;
      const file = `${prefix}${shot > 1 ? `-${shot}` : ""}-${slug(label) || step.id}.png`;
      await target.screenshot({ path: path.join(outputDir, file) });
      record.screenshots.push(file);
    };
    let current = { step: stepLabel, title, detail: "" };
    const context: DemoContext = {
      ...base,
      state,
      say: async (target, caption) => {
        const detail = caption[lang];
        record.details.push(detail);
        log(`         ${detail}`);
        current = { ...current, detail };
        await showCaption(target, current);
        await pause(1500);
      },
      snap: (target, label) => screenshot(target, label),
    };

    log(`[${String(number).padStart(2, " ")}/${steps.length}] ${title}`);
    const started = Date.now();
    try {
      await showCaption(page, current);
      await pause(2000);
      await step.run(context);
      await showCaption(page, current);
      await pause(1000);
      await screenshot(page, step.id);
      record.status = "passed";
      record.durationMs = Date.now() - started;
      log(`         ✓ ${(record.durationMs / 1000).toFixed(1)} s`);
    } catch (error) {
      failed = true;
      record.status = "failed";
      record.durationMs = Date.now() - started;
      record.error = error instanceof Error ? error.message : String(error);
      log(`         ✗ step ${number} "${title}" failed:\n${indent(record.error)}`);
      await screenshot(page, `${step.id}-failed`).catch((shotError: unknown) =>
        log(`         (no screenshot of the failure: ${shotError instanceof Error ? shotError.message : shotError})`),
      );
    }
  }
  return records;
}

function indent(text: string): string {
  return text
    .split("\n")
    .map((line) => `           ${line}`)
    .join("\n");
}

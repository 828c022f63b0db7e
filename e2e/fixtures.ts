// Tests that change data get a customer of their own, with a fresh copy of the demo
// certificates, created straight in the e2e app's database; they never share rows.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { test as base, type Page } from "@playwright/test";
import { databaseUrlFile } from "../playwright.config";
import { signIn } from "./support";

const run = promisify(execFile);

export type E2ECustomer = { id: string; email: string; password: string };

export async function createCustomer(
  label: string,
  options: { empty?: boolean; renewing?: number } = {},
): Promise<E2ECustomer> {
  const databaseUrl = readFileSync(databaseUrlFile, "utf8").trim();
  const { stdout } = await run(
    "node_modules/.bin/tsx",
    [
      "--conditions=react-server",
      "testing/scripts/e2e-create-customer.ts",
      label,
      ...(options.empty ? ["--empty"] : []),
      ...(options.renewing ? [`--renewing=${options.renewing}`] : []),
    ],
    { env: { ...process.env, DATABASE_URL: databaseUrl, NODE_OPTIONS: "" } },
  );
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as E2ECustomer;
}

export const test = base.extend<{ customer: E2ECustomer; customerPage: Page }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a function destructures
  customer: async ({}, use, testInfo) => {
    await use(await createCustomer(testInfo.title.replace(/\W+/g, "-").toLowerCase().slice(0, 20)));
  },
  customerPage: async ({ page, customer }, use) => {
    await signIn(page, customer);
    await use(page);
  },
});

export { expect } from "@playwright/test";

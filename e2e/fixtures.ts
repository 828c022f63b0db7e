// Tests that change data get a customer of their own, with a fresh copy of the demo
// certificates, created straight in the e2e app's database; they never share rows.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { type APIRequestContext, test as base, expect, type Page } from "@playwright/test";
import pg from "pg";
import { databaseUrlFile, dnsControlURL } from "../playwright.config";
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

/**
 * A record at a third-party domain's "DNS provider": the DNS server the e2e app's
 * DNS_RESOLVER names (testing/scripts/e2e-dns-server.ts), as a customer would add it by hand.
 */
export async function addDnsRecord(record: { name: string; type: "TXT" | "A"; value: string }): Promise<void> {
  const response = await fetch(`${dnsControlURL}/records`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(record),
  });
  expect(response.status, await response.text()).toBe(204);
}

/** The e2e app's CRON_SECRET (playwright.config.ts), for the renewal job route. */
export const CRON_SECRET = "e2e-cron-secret-0123456789-abcdefghijklmnop";

/** Signs a new customer up through the console; lands on My Certificates. */
export async function signUp(page: Page, label: string): Promise<{ name: string; email: string; password: string }> {
  const account = {
    name: `Buyer ${label}`,
    email: `${label}-${randomBytes(4).toString("hex")}@example.test`,
    password: "a-long-enough-password",
  };
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/certificates$/);
  return account;
}

export type JobRunSummary = { runId: string; status: string; counts: Record<string, number> };

/** One run of the renewal job, as the scheduler starts it; the route answers when the run has finished. */
export async function runRenewalJob(request: APIRequestContext): Promise<JobRunSummary> {
  const response = await request.post("/api/jobs/renewals", {
    headers: { authorization: `Bearer ${CRON_SECRET}` },
    timeout: 120_000,
  });
  const summary = (await response.json()) as JobRunSummary;
  expect(summary.status, JSON.stringify(summary)).toBe("SUCCEEDED");
  return summary;
}

/** A read-only query on the e2e app's database, for what the console cannot show (exactly once). */
export async function queryDatabase<Row extends Record<string, unknown>>(
  sql: string,
  parameters: unknown[] = [],
): Promise<Row[]> {
  const client = new pg.Client({ connectionString: readFileSync(databaseUrlFile, "utf8").trim() });
  await client.connect();
  try {
    return (await client.query<Row>(sql, parameters)).rows;
  } finally {
    await client.end();
  }
}

export { expect };

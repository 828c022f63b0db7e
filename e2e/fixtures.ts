// Tests that change data get a customer of their own, with a fresh copy of the demo
// certificates, created straight in the e2e app's database; they never share rows.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createInterface, type Interface } from "node:readline";
import type { Readable } from "node:stream";
import { type APIRequestContext, test as base, expect, type Page } from "@playwright/test";
import pg from "pg";
import { databaseUrlFile, dnsControlURL } from "../playwright.config";
import { signInOverHttp } from "./support";

export type E2ECustomer = { id: string; email: string; password: string };

/** The factory's answers start with this; anything else it prints is the application's logging. */
const ANSWER_PREFIX = "e2e-customer ";
type CustomerFactory = { process: ChildProcess; answers: AsyncIterator<string> };
let factory: CustomerFactory | undefined;

/** This worker's customer factory (testing/scripts/e2e-customer-factory.ts), started on first use. */
function customerFactory(): CustomerFactory {
  if (factory && factory.process.exitCode === null && factory.process.signalCode === null) return factory;
  const child = spawn(
    "node_modules/.bin/tsx",
    ["--conditions=react-server", "testing/scripts/e2e-customer-factory.ts"],
    {
      env: { ...process.env, DATABASE_URL: readFileSync(databaseUrlFile, "utf8").trim(), NODE_OPTIONS: "" },
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  const lines: Interface = createInterface({ input: child.stdout as Readable });
  const answers = (async function* () {
    for await (const line of lines) {
      if (line.startsWith(ANSWER_PREFIX)) yield line.slice(ANSWER_PREFIX.length);
      else console.log(line);
    }
  })();
  factory = { process: child, answers };
  return factory;
}

export async function createCustomer(
  label: string,
  options: { empty?: boolean; renewing?: number } = {},
): Promise<E2ECustomer> {
  const { process: child, answers } = customerFactory();
  child.stdin?.write(`${JSON.stringify({ label, ...options })}\n`);
  const answer = await answers.next();
  if (answer.done) throw new Error(`the e2e customer factory exited (code ${child.exitCode}); its output is above`);
  const customer = JSON.parse(answer.value) as E2ECustomer & { error?: string };
  if (customer.error) throw new Error(`the e2e customer factory could not create "${label}": ${customer.error}`);
  return customer;
}

export const test = base.extend<{ customer: E2ECustomer; customerPage: Page }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads the fixtures a function destructures
  customer: async ({}, use, testInfo) => {
    await use(await createCustomer(testInfo.title.replace(/\W+/g, "-").toLowerCase().slice(0, 20)));
  },
  customerPage: async ({ page, customer }, use) => {
    await signInOverHttp(page, customer);
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

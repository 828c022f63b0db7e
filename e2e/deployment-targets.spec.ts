// Deployment targets against real servers: a customer adds an SSH target pointing at Debian's
// sshd and nginx, started for this spec on loopback ports (testing/scripts/e2e-deploy-site.ts;
// the e2e app runs in DEMO_MODE, whose address policy lets it reach loopback), confirms the
// host key read from the server, tests the connection, deploys an issued certificate from
// its page and sees "Serving", which a TLS connection made here confirms. Both pages pass axe
// in both themes. Needs `apt-get install openssh-server nginx`.
import { type ChildProcessWithoutNullStreams, execFile, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import tls from "node:tls";
import { promisify } from "node:util";
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { databaseUrlFile } from "../playwright.config";
import { expect, test } from "./fixtures";
import { signIn } from "./support";

const run = promisify(execFile);
const DOMAIN = "pay.example-shop.com";
const THEME_STORAGE_KEY = "certdesk-theme";

type DeploySite = {
  sshHost: string;
  sshPort: number;
  username: string;
  privateKey: string;
  hostKeyFingerprint: string;
  fullChainPath: string;
  keyPath: string;
  reloadCommand: string;
  endpoint: { host: string; port: number; serverName: string };
  oldSerial: string;
};

let server: ChildProcessWithoutNullStreams | null = null;
let site: DeploySite;

test.beforeAll(async () => {
  test.setTimeout(60_000);
  server = spawn("node_modules/.bin/tsx", ["--conditions=react-server", "testing/scripts/e2e-deploy-site.ts", DOMAIN], {
    env: { ...process.env, NODE_OPTIONS: "" },
  });
  const errors: string[] = [];
  server.stderr.on("data", (chunk: Buffer) => errors.push(chunk.toString()));
  const firstLine = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: server?.stdout as NodeJS.ReadableStream });
    lines.once("line", resolve);
    server?.once("exit", (code) =>
      reject(new Error(`the deploy site ended (${code}) before it started: ${errors.join("").slice(0, 2000)}`)),
    );
  });
  site = JSON.parse(firstLine) as DeploySite;
});

test.afterAll(async () => {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server?.once("exit", resolve));
  server.kill("SIGTERM");
  await exited;
});

/** Renews one of the customer's certificates and issues the renewal (testing/scripts/e2e-issue-renewal.ts). */
async function issueRenewal(customerId: string, domain: string): Promise<{ newId: string }> {
  const databaseUrl = readFileSync(databaseUrlFile, "utf8").trim();
  const { stdout } = await run(
    "node_modules/.bin/tsx",
    ["--conditions=react-server", "testing/scripts/e2e-issue-renewal.ts", customerId, domain],
    { env: { ...process.env, DATABASE_URL: databaseUrl, NODE_OPTIONS: "" } },
  );
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as { newId: string };
}

/** The serial the endpoint serves now, read here over TLS (upper-case hex). */
function servedSerial(endpoint: DeploySite["endpoint"]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect(
      { host: endpoint.host, port: endpoint.port, servername: endpoint.serverName, rejectUnauthorized: false },
      () => {
        const serial = socket.getPeerCertificate().serialNumber;
        socket.end();
        resolve(serial.toUpperCase());
      },
    );
    socket.once("error", reject);
  });
}

async function expectNoSeriousAxeViolations(page: Page) {
  // The toasts this test raised belong to the app-wide Toaster, not to these pages: let them go first.
  await expect(page.locator("[data-sonner-toast]")).toHaveCount(0, { timeout: 15_000 });
  for (const theme of ["light", "dark"] as const) {
    if (theme === "dark") {
      await page.evaluate(([key, value]) => window.localStorage.setItem(key, value), [
        THEME_STORAGE_KEY,
        theme,
      ] as const);
      await page.reload();
      await expect(page.locator("html")).toHaveClass(/\bdark\b/);
    }
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const blocking = results.violations
      .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
      .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
    expect(blocking, `axe on ${page.url()}, ${theme} theme`).toEqual([]);
  }
  await page.evaluate((key) => window.localStorage.removeItem(key), THEME_STORAGE_KEY);
}

test("adds an SSH target with its host key confirmed, deploys a certificate to it and sees it served", async ({
  page,
  customer,
}) => {
  // Two servers, an SFTP deployment, TLS probes and four axe runs, on a machine shared with others.
  test.setTimeout(180_000);
  const { newId } = await issueRenewal(customer.id, DOMAIN);
  await signIn(page, customer);
  await page.goto("/deployment-targets");
  await expect(page.getByTestId("no-targets")).toBeVisible();

  await page.getByTestId("add-ssh-target").click();
  const dialog = page.getByRole("dialog", { name: "Add an SSH server" });
  await dialog.getByLabel("Name", { exact: true }).fill("shop web server");
  await dialog.getByLabel("Host", { exact: true }).first().fill(site.sshHost);
  await dialog.getByLabel("Port", { exact: true }).first().fill(String(site.sshPort));
  await dialog.getByLabel("User").fill(site.username);

  // Nothing is pinned before the customer has seen the key and confirmed it.
  await dialog.getByRole("button", { name: "Add target" }).click();
  await expect(dialog.getByText("Confirm the server's host key.")).toBeVisible();
  await dialog.getByRole("button", { name: "Read host key" }).click();
  await expect(dialog.getByTestId("host-key-fingerprint")).toHaveText(site.hostKeyFingerprint);
  await dialog.getByLabel(/This is my server's key/).check();

  await dialog.getByLabel("Private key (PEM or OpenSSH)").fill(site.privateKey);
  await dialog.getByLabel("Certificate file").fill(site.fullChainPath);
  await dialog.getByLabel("Private key file").fill(site.keyPath);
  await dialog.getByLabel("Reload command").fill(site.reloadCommand);
  const endpoint = dialog.getByRole("group", { name: "Endpoint 1" });
  await endpoint.getByLabel("Host").fill(site.endpoint.host);
  await endpoint.getByLabel("Port").fill(String(site.endpoint.port));
  await endpoint.getByLabel("Server name (SNI)").fill(site.endpoint.serverName);
  await dialog.getByRole("button", { name: "Add target" }).click();
  await expect(dialog).toBeHidden();

  const card = page.locator('[data-testid="deployment-target"][data-target-name="shop web server"]');
  await expect(card).toContainText(site.hostKeyFingerprint);
  await expect(card).toContainText("private key (stored encrypted)");
  // The credentials are never shown again.
  await expect(page.locator("body")).not.toContainText("PRIVATE KEY");
  await card.getByRole("button", { name: "Test connection" }).click();
  await expect(card.getByTestId("test-result")).toContainText("the connection works");
  await expectNoSeriousAxeViolations(page);

  await page.goto(`/certificates/${newId}`);
  const entry = page.locator('[data-testid="target-deployment"][data-target-name="shop web server"]');
  await expect(entry).toContainText("Not deployed");
  // The card loads apart from the page (it is rendered on the server): a press before it hydrates is lost.
  const choose = entry.getByLabel("Deploy to shop web server");
  await expect(async () => {
    await choose.check({ timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
  await page.getByRole("button", { name: "Deploy to selected targets" }).click();
  await expect(entry.getByTestId("deployment-status")).toHaveAttribute("data-status", "SERVING", { timeout: 60_000 });
  await expect(entry.getByTestId("deployment-status")).toHaveText("Serving");
  await expect(entry.getByTestId("verification")).toContainText(`${site.endpoint.host}:${site.endpoint.port}`);

  // What nginx serves is the certificate of this page, not the one it had.
  const serial = await servedSerial(site.endpoint);
  expect(serial).not.toBe(site.oldSerial);
  await expect(entry.getByTestId("verification")).toContainText(serial);

  // The step log shows the reload with its command.
  await entry.getByText("Step log").click();
  await expect(entry.getByTestId("deployment-log")).toContainText(site.reloadCommand);
  await expect(entry.getByTestId("deployment-log")).not.toContainText("PRIVATE KEY");

  await entry.getByRole("button", { name: "Verify" }).click();
  await expect(page.getByText("shop web server: Serving.")).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});

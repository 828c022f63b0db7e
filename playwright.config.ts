import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Chromium: PLAYWRIGHT_CHROMIUM_PATH, else Debian's /usr/bin/chromium, else the
// browser Playwright installed itself (developer laptops).
function chromiumPath(): string | undefined {
  const configured = process.env.PLAYWRIGHT_CHROMIUM_PATH?.trim();
  if (configured) return configured;
  return existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}

// The e2e app runs on its own throwaway embedded database, or on E2E_DATABASE_URL,
// which must be local: the tests create and change data freely.
const e2eDatabaseUrl = process.env.E2E_DATABASE_URL?.trim();
if (e2eDatabaseUrl) {
  const host = new URL(e2eDatabaseUrl).hostname;
  if (!["localhost", "127.0.0.1", "::1", "[::1]"].includes(host)) {
    throw new Error(`Refusing to run end-to-end tests against a non-local database (${host}).`);
  }
}

/** Specs that move the demo clock (see the projects below). */
const CLOCK_SPECS = /story-from-zero\.spec\.ts/;

const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://localhost:${port}`;
/** Where the e2e app writes its database URL, so tests can seed their own data (e2e/fixtures.ts). */
export const databaseUrlFile = `.data/e2e-${port}.database-url`;
/** The e2e app's DNS server (testing/scripts/e2e-dns-server.ts) and the port tests add records on. */
const dnsPort = port + 1053;
export const dnsControlURL = `http://127.0.0.1:${port + 1054}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  fullyParallel: true,
  forbidOnly: true,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  // A scenario here is many page loads on a 2-core machine that also runs the app and a second
  // browser: seconds each under load. Each step still fails after the expect timeout.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    // The demo clock is global (one row in the database) and a moved clock changes every
    // customer's fees: the stories that move it run as the setup's teardown, after every
    // other test has finished, so no test sees the clock moved and none resets it mid-story.
    { name: "setup", testMatch: /.*\.setup\.ts/, teardown: "clock" },
    {
      name: "chromium",
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } },
      dependencies: ["setup"],
      testIgnore: CLOCK_SPECS,
    },
    {
      name: "clock",
      use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 800 } },
      testMatch: CLOCK_SPECS,
    },
  ],
  webServer: [
    {
      // Third-party domains' "DNS provider": the app's DNS_RESOLVER; tests add records to it.
      command: `node_modules/.bin/tsx testing/scripts/e2e-dns-server.ts ${dnsPort} ${port + 1054}`,
      url: `${dnsControlURL}/`,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
    {
      command: "npm run build && npm start",
      url: `${baseURL}/sign-in`,
      // The production build runs first; on a busy 2-core machine it can take several minutes.
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
      env: {
        PORT: String(port),
        NODE_ENV: "production",
        DATABASE_URL: e2eDatabaseUrl ?? "",
        CERTDESK_DATA_DIR: `.data/e2e-postgres-${port}`,
        // A build folder per port lets two test runs (e.g. two worktrees) build side by side.
        NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? (port === 3100 ? ".next" : `.next-e2e-${port}`),
        CERTDESK_EPHEMERAL_DB: "true",
        CERTDESK_SEED: "true",
        CERTDESK_DATABASE_URL_FILE: databaseUrlFile,
        DEMO_MODE: "true",
        DNS_RESOLVER: `127.0.0.1:${dnsPort}`,
        AUTH_SECRET: "e2e-auth-secret-0123456789-abcdefghijklmnop",
        CRON_SECRET: "e2e-cron-secret-0123456789-abcdefghijklmnop",
        ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64"),
        LOG_LEVEL: "warn",
        NEXT_TELEMETRY_DISABLED: "1",
      },
    },
  ],
});

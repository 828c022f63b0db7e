// `npm run demo`: builds CertDesk if needed, starts it on a fresh demo database with the
// demo clock and a demo DNS server, and tells the auto-renewal story in Chromium. Every
// step asserts what it shows; the exit code is non-zero when one fails, naming it.
import { existsSync } from "node:fs";
import path from "node:path";
import { type Browser, type BrowserContext, chromium } from "@playwright/test";
import {
  buildDemoApp,
  choosePort,
  DEMO_DIST_DIR,
  type DemoApp,
  demoBuildIsCurrent,
  startDemoApp,
} from "@/demo/app-server";
import { parseDemoOptions, UsageError } from "@/demo/cli-options";
import { CAPTION_KEY, captionInitScript, prepareOutputDir, runSteps } from "@/demo/demo-session";
import { createDemoTranslator } from "@/demo/demo-translator";
import { STORY } from "@/demo/story";
import { writeReport } from "@/demo/write-report";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { demoAccounts } from "@/lib/seed/demo-accounts";
import { LocalDnsServer } from "@/testing/local-dns-server";

const OUTPUT_DIR = path.resolve("demo-output");
const VIEWPORT = { width: 1280, height: 800 };

// As in playwright.config.ts: PLAYWRIGHT_CHROMIUM_PATH, else Debian's, else Playwright's own.
function chromiumPath(): string | undefined {
  const configured = process.env.PLAYWRIGHT_CHROMIUM_PATH?.trim();
  if (configured) return configured;
  return existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined;
}

const log = (line: string) => console.log(line);

let options: ReturnType<typeof parseDemoOptions>;
try {
  options = parseDemoOptions(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}

const dns = new LocalDnsServer();
let app: DemoApp | undefined;
let browser: Browser | undefined;
let cleaningUp: Promise<void> | undefined;
function cleanUp(): Promise<void> {
  cleaningUp ??= (async () => {
    await browser?.close().catch((error: unknown) => log(`closing the browser failed: ${String(error)}`));
    await app?.stop();
    await dns.close();
  })();
  return cleaningUp;
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    log(`\n${signal}: stopping the demo…`);
    void cleanUp().then(() => process.exit(130));
  });
}

async function newDemoContext(target: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await target.newContext({
    baseURL,
    viewport: VIEWPORT,
    locale: options.lang === "zh-CN" ? "zh-CN" : "en-US",
    // The demo clock form takes times in the browser's zone: UTC keeps the story's arithmetic plain.
    timezoneId: "UTC",
    colorScheme: "light",
  });
  await context.addCookies([{ name: LOCALE_COOKIE, value: options.lang, url: baseURL }]);
  await context.addInitScript(captionInitScript(CAPTION_KEY));
  context.setDefaultTimeout(30_000);
  return context;
}

async function main(): Promise<number> {
  const startedAt = new Date();
  prepareOutputDir(OUTPUT_DIR);
  const distDir = options.buildDir ?? DEMO_DIST_DIR;
  if (options.buildDir) {
    if (!existsSync(path.join(options.buildDir, "BUILD_ID")))
      throw new Error(`There is no production build in ${options.buildDir}.`);
    log(`Using the production build in ${options.buildDir} (--build-dir).`);
  } else if (options.noBuild) {
    if (!existsSync(path.join(DEMO_DIST_DIR, "BUILD_ID")))
      throw new Error("There is no demo build yet: run without --no-build.");
    log("Using the existing demo build (--no-build).");
  } else if (options.rebuild || !demoBuildIsCurrent()) {
    log("Building CertDesk for the demo (log: demo-output/build.log)…");
    await buildDemoApp(path.join(OUTPUT_DIR, "build.log"));
  } else {
    log("The demo build is up to date.");
  }
  const dnsAddress = await dns.start();
  const port = await choosePort(options.port);
  log(`Starting CertDesk on http://localhost:${port} (fresh demo database, demo DNS at ${dnsAddress})…`);
  app = await startDemoApp({ port, dnsResolver: dnsAddress, logFile: path.join(OUTPUT_DIR, "app.log"), distDir });

  browser = await chromium.launch({
    executablePath: chromiumPath(),
    headless: !options.headed,
    slowMo: options.slow ? 250 : 0,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
  });
  const [customerContext, adminContext] = await Promise.all([
    newDemoContext(browser, app.baseURL),
    newDemoContext(browser, app.baseURL),
  ]);
  const accounts = demoAccounts({});
  const [customerPage, adminPage] = await Promise.all([customerContext.newPage(), adminContext.newPage()]);
  await Promise.all([customerPage.goto("/sign-in"), adminPage.goto("/sign-in")]);
  log(`\nThe auto-renewal story (${options.lang}), ${STORY.length} steps:\n`);
  const records = await runSteps(
    STORY,
    {
      customer: customerPage,
      admin: adminPage,
      i18n: createDemoTranslator(options.lang),
      dns,
      databaseUrl: app.databaseUrl,
      accounts: { customer: accounts.customer, admin: accounts.admin },
    },
    { outputDir: OUTPUT_DIR, slow: options.slow, log },
  );
  const report = writeReport(OUTPUT_DIR, records, {
    lang: options.lang,
    startedAt,
    durationMs: Date.now() - startedAt.getTime(),
    baseURL: app.baseURL,
  });
  const failed = records.find((record) => record.status === "failed");
  log(`\nReport: ${path.relative(process.cwd(), report)} (screenshots beside it)`);
  if (failed) {
    log(`Demo FAILED at step ${failed.number}: ${failed.caption}`);
    return 1;
  }
  log(`Demo passed: ${records.length} steps in ${((Date.now() - startedAt.getTime()) / 1000).toFixed(0)} s.`);
  return 0;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  log(`\nThe demo could not run: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  await cleanUp();
}
process.exit(exitCode);

// Every page, customer and admin, in both themes on a desktop and a phone: axe-core finds
// no serious or critical violation, and nothing is wider than the screen.
import AxeBuilder from "@axe-core/playwright";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { ADMIN_STATE, CUSTOMER_STATE } from "./support";

const THEME_STORAGE_KEY = "certdesk-theme";
const VIEWPORTS = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
] as const;
const THEMES = ["light", "dark"] as const;

type Role = "guest" | "customer" | "admin";
type PageCase = { name: string; role: Role; path: string | ((browser: Browser) => Promise<string>) };

/** The href of the first link matching `selector` on `path`, read as that role. */
async function firstLink(browser: Browser, role: Role, path: string, selector: string): Promise<string> {
  const context = await browser.newContext({ storageState: role === "admin" ? ADMIN_STATE : CUSTOMER_STATE });
  try {
    const page = await context.newPage();
    await page.goto(path);
    const link = page.locator(selector).first();
    await expect(link).toBeVisible();
    const href = await link.getAttribute("href");
    if (!href) throw new Error(`No link ${selector} on ${path}`);
    return href;
  } finally {
    await context.close();
  }
}

const PAGES: PageCase[] = [
  { name: "sign-in", role: "guest", path: "/sign-in" },
  { name: "sign-up", role: "guest", path: "/sign-up" },
  { name: "certificates", role: "customer", path: "/certificates" },
  {
    name: "certificate detail",
    role: "customer",
    // The renewed wildcard: history, ledger and cloud resources all have content.
    path: (browser) =>
      firstLink(
        browser,
        "customer",
        "/certificates?q=Shop+wildcard",
        "[data-testid=certificate-row] a[href^='/certificates/']",
      ),
  },
  { name: "deployment targets", role: "customer", path: "/deployment-targets" },
  { name: "billing", role: "customer", path: "/billing" },
  { name: "notifications", role: "customer", path: "/notifications" },
  { name: "dns hosting", role: "customer", path: "/dns-hosting" },
  { name: "upload", role: "customer", path: "/certificates/upload" },
  { name: "api keys", role: "customer", path: "/api-keys" },
  { name: "admin overview", role: "admin", path: "/admin" },
  { name: "admin customers", role: "admin", path: "/admin/customers" },
  {
    name: "admin customer detail",
    role: "admin",
    path: (browser) =>
      firstLink(browser, "admin", "/admin/customers?q=demo%40example.com", "a[href^='/admin/customers/']"),
  },
  { name: "admin certificates", role: "admin", path: "/admin/certificates" },
  {
    name: "admin certificate detail",
    role: "admin",
    path: (browser) => firstLink(browser, "admin", "/admin/certificates", "a[href^='/admin/certificates/']"),
  },
  { name: "admin jobs", role: "admin", path: "/admin/jobs" },
  { name: "admin prices", role: "admin", path: "/admin/prices" },
  { name: "admin reviews", role: "admin", path: "/admin/reviews" },
  { name: "admin issuers", role: "admin", path: "/admin/issuers" },
  { name: "admin audit", role: "admin", path: "/admin/audit" },
  { name: "admin clock", role: "admin", path: "/admin/clock" },
];

const resolvedPaths = new Map<string, Promise<string>>();
function pathOf(entry: PageCase, browser: Browser): Promise<string> {
  if (typeof entry.path === "string") return Promise.resolve(entry.path);
  const resolver = entry.path;
  let resolved = resolvedPaths.get(entry.name);
  if (!resolved) {
    resolved = resolver(browser);
    resolvedPaths.set(entry.name, resolved);
  }
  return resolved;
}

/** The page has its heading and nothing is still loading. */
async function waitUntilSettled(page: Page): Promise<void> {
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
  await page.waitForLoadState("networkidle").catch(() => undefined);
}

function describeViolations(violations: Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"]): string[] {
  return violations.map(
    (violation) =>
      `${violation.impact} ${violation.id}: ${violation.help}\n${violation.nodes
        .slice(0, 5)
        .map((node) => `    ${node.target.join(" ")} — ${node.failureSummary?.split("\n").slice(1, 3).join(" ")}`)
        .join("\n")}`,
  );
}

// One test per page and screen: the light theme first, then the dark one chosen the way a
// user does (the stored preference) and a reload, so each page is signed in and built once.
for (const viewport of VIEWPORTS) {
  test.describe(`${viewport.name} ${viewport.width}×${viewport.height}`, () => {
    for (const entry of PAGES) {
      test(`${entry.name} has no serious or critical axe violations and fits the screen, in both themes`, async ({
        browser,
      }) => {
        test.slow(); // two themes, each with a full axe run
        const path = await pathOf(entry, browser);
        const context = await browser.newContext({
          viewport: { width: viewport.width, height: viewport.height },
          colorScheme: "light",
          storageState: entry.role === "guest" ? undefined : entry.role === "admin" ? ADMIN_STATE : CUSTOMER_STATE,
        });
        try {
          const page = await context.newPage();
          for (const theme of THEMES) {
            if (theme === "light") {
              const response = await page.goto(path);
              expect(response?.status(), `${path} answered`).toBe(200);
            } else {
              await page.evaluate(([key, value]) => window.localStorage.setItem(key, value), [
                THEME_STORAGE_KEY,
                theme,
              ] as const);
              await page.reload();
            }
            await waitUntilSettled(page);
            if (theme === "dark") await expect(page.locator("html")).toHaveClass(/\bdark\b/);
            else await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);

            const results = await new AxeBuilder({ page }).analyze();
            const blocking = results.violations.filter(
              (violation) => violation.impact === "serious" || violation.impact === "critical",
            );
            expect(describeViolations(blocking), `axe on ${path}, ${theme} theme`).toEqual([]);

            const overflow = await page.evaluate(
              () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
            );
            expect(
              overflow,
              `${path} is wider than the ${viewport.name} screen by ${overflow}px (${theme} theme)`,
            ).toBeLessThanOrEqual(0);
          }
        } finally {
          await context.close();
        }
      });
    }
  });
}

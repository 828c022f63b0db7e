// What the story does over and over in the console, as a person would: sign in, find a
// certificate's row, open its page, top up, move the demo clock, run the renewal job.
import type { Locator, Page } from "@playwright/test";
import type { DemoCertificate } from "@/demo/demo-data";
import type { Credentials } from "@/demo/demo-session";
import type { DemoTranslator } from "@/demo/demo-translator";
import { expect } from "@/demo/expect";
import { DEMO_DECLINED_AMOUNT_MINOR } from "@/lib/billing/payment-providers/demo-payment-provider";
import { minorDigits } from "@/lib/money";

export const JOB_TIMEOUT_MS = 90_000;

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export async function signIn(page: Page, account: Credentials, { t }: DemoTranslator): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel(t("auth.email"), { exact: true }).fill(account.email);
  await page.getByLabel(t("auth.password"), { exact: true }).fill(account.password);
  await page.getByRole("button", { name: t("auth.signIn"), exact: true }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

/** Searches My Certificates for the certificate and returns its row. */
export async function findRow(page: Page, certificate: DemoCertificate): Promise<Locator> {
  if (!/\/certificates(\?|$)/.test(page.url())) await page.goto("/certificates");
  await page.getByTestId("certificate-search").fill(certificate.domain);
  // The search goes into the URL a moment later; a click before that would be undone by it.
  await expect(page).toHaveURL((url) => url.searchParams.get("q") === certificate.domain);
  const row = page.locator(`[data-testid=certificate-row][data-certificate-id="${certificate.id}"]`);
  await expect(row).toBeVisible();
  return row;
}

export async function openAutoRenewDialog(
  page: Page,
  certificate: DemoCertificate,
  { t }: DemoTranslator,
): Promise<Locator> {
  const row = await findRow(page, certificate);
  await row.getByRole("button", { name: new RegExp(`^${escapeRegExp(t("certificates.activate"))}`) }).click();
  const dialog = page.getByRole("dialog", { name: t("autoRenew.dialogTitle") });
  await expect(dialog.getByTestId("auto-renew-eligibility")).toBeVisible();
  return dialog;
}

export async function openCertificate(page: Page, id: string, domain: string): Promise<void> {
  await page.goto(`/certificates/${id}`);
  await expect(page.getByTestId("certificate-domain")).toHaveText(domain);
}

/** The renewal created for a certificate, opened from its row's "View renewal" link. Returns its id. */
export async function openRenewalOf(page: Page, certificate: DemoCertificate, { t }: DemoTranslator): Promise<string> {
  await page.goto("/certificates");
  const row = await findRow(page, certificate);
  await row.getByRole("link", { name: t("certificates.viewRenewal") }).click();
  await expect(page).not.toHaveURL(new RegExp(`/certificates/${certificate.id}$`));
  await expect(page.getByTestId("certificate-domain")).toHaveText(certificate.domain);
  const id = new URL(page.url()).pathname.split("/").at(-1);
  if (!id) throw new Error(`No renewal page opened for ${certificate.domain}`);
  return id;
}

export async function balanceOnBillingPage(page: Page): Promise<number> {
  await page.goto("/billing");
  const balance = page.getByTestId("billing-balance");
  await expect(balance).toBeVisible();
  return Number(await balance.getAttribute("data-balance-minor"));
}

/** Tops up with the demo payment provider on the Billing page; checks the new balance. */
export async function topUp(page: Page, amountMinor: number, currency: string, i18n: DemoTranslator): Promise<number> {
  const { t } = i18n;
  // The demo provider declines one amount on purpose; never pick it by accident.
  const amount = amountMinor === DEMO_DECLINED_AMOUNT_MINOR ? amountMinor + 1 : amountMinor;
  const before = await balanceOnBillingPage(page);
  await page.getByTestId("top-up-open").click();
  const dialog = page.getByRole("dialog", { name: t("billing.topUp.title") });
  const digits = minorDigits(currency);
  await dialog
    .getByLabel(t("billing.topUp.amount", { currency }), { exact: true })
    .fill((amount / 10 ** digits).toFixed(digits));
  await dialog.getByTestId("top-up-submit").click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("billing-balance")).toHaveAttribute("data-balance-minor", String(before + amount));
  await expect(page.getByTestId("billing-balance")).toHaveText(i18n.money(before + amount, currency));
  return before + amount;
}

/** "2026-06-15T16:00" in UTC, the demo browser's zone: the datetime-local input's format. */
function toInputValue(instant: Date): string {
  return instant.toISOString().slice(0, 16);
}

/** The first whole minute at or after `instant`: the clock form sets minutes. */
export function ceilToMinute(instant: Date): Date {
  return new Date(Math.ceil(instant.getTime() / 60_000) * 60_000);
}

export async function setDemoClock(page: Page, target: Date, { t }: DemoTranslator): Promise<void> {
  await page.goto("/admin/clock");
  await page.getByTestId("clock-input").fill(toInputValue(target));
  await page.getByTestId("clock-set").click();
  await expect(page.getByTestId("clock-mode")).toHaveText(t("admin.clock.status.simulated"));
  await expect(page.getByTestId("clock-input")).toHaveValue(toInputValue(target));
}

export type JobCountKey =
  | "deducted"
  | "terminatedInsufficientBalance"
  | "validated"
  | "issued"
  | "timedOut"
  | "refunded";

/** Run now on the admin jobs page; waits for the run to finish and checks its counts. */
export async function runRenewalJob(
  page: Page,
  expected: Partial<Record<JobCountKey, number>>,
  { t }: DemoTranslator,
): Promise<void> {
  await page.goto("/admin/jobs");
  await page.getByTestId("run-now").click();
  const live = page.getByTestId("live-run");
  await expect(live).toBeVisible();
  await expect(page.getByTestId("run-now-notice")).toHaveCount(0);
  await expect(live.getByTestId("job-run-status")).toHaveAttribute("data-status", "SUCCEEDED", {
    timeout: JOB_TIMEOUT_MS,
  });
  await expect(live.getByTestId("job-run-status")).toHaveText(t("jobs.status.SUCCEEDED"));
  for (const [key, count] of Object.entries(expected)) {
    await expect(live.getByTestId(`live-count-${key}`), `job count "${key}"`).toHaveText(String(count));
  }
}

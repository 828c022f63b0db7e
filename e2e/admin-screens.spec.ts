// Temporary: screenshots of every admin page for review (not committed).
import { expect, test } from "@playwright/test";
import { ADMIN_STATE } from "./support";

test.use({ storageState: ADMIN_STATE });
test.describe.configure({ mode: "serial" });

const OUT = "/tmp/admin-shots";

test("screens", async ({ page, context, baseURL }) => {
  test.setTimeout(600_000);
  const customers = (await (await page.request.get("/api/admin/certificates?owner=demo%40example.com")).json()) as {
    items: { id: string; owner: { id: string } }[];
  };
  const customerId = customers.items[0]?.owner.id ?? "";
  const certificateId = customers.items[0]?.id ?? "";
  // Show the simulated-time badge.
  await page.request.put("/api/admin/clock", { data: { now: new Date(Date.now() + 10 * 86_400_000).toISOString() } });
  const paths: [string, string][] = [
    ["overview", "/admin"],
    ["customers", "/admin/customers"],
    ["customer", `/admin/customers/${customerId}`],
    ["certificates", "/admin/certificates"],
    ["certificate", `/admin/certificates/${certificateId}`],
    ["jobs", "/admin/jobs"],
    ["prices", "/admin/prices"],
    ["audit", "/admin/audit"],
    ["clock", "/admin/clock"],
  ];
  const host = new URL(baseURL ?? "http://localhost").hostname;
  for (const locale of ["en", "zh-CN"]) {
    await context.addCookies([
      { name: "NEXT_LOCALE", value: locale, domain: host, path: "/" },
      { name: "certdesk_tz", value: locale === "en" ? "America/New_York" : "Asia/Shanghai", domain: host, path: "/" },
    ]);
    for (const theme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: theme });
      for (const [width, height] of [
        [1280, 800],
        [390, 844],
      ] as const) {
        await page.setViewportSize({ width, height });
        for (const [name, path] of paths) {
          await page.goto(path);
          await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
          await page.waitForTimeout(300);
          await page.screenshot({ path: `${OUT}/${name}-${locale}-${theme}-${width}.png`, fullPage: true });
        }
      }
    }
  }
  // Dialogs, English light desktop.
  await context.addCookies([{ name: "NEXT_LOCALE", value: "en", domain: host, path: "/" }]);
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/admin/customers/${customerId}`);
  await page.getByTestId("adjust-balance-open").click();
  await page.getByTestId("adjust-balance-amount").fill("9999");
  await page.getByRole("radio", { name: "Debit" }).check();
  await page.screenshot({ path: `${OUT}/dialog-adjust.png` });
  await page.keyboard.press("Escape");
  await page.goto("/admin/prices");
  await page.getByTestId("price-edit").first().click();
  await page.screenshot({ path: `${OUT}/dialog-price.png` });
  await page.request.delete("/api/admin/clock");
});

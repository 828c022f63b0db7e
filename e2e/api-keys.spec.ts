// The API keys page and the SSL API on the production server: a customer creates keys from
// the user menu (the SecretKey shown once), the official Node.js SDK signs with one against
// this very server (POST / with X-TC-Action), the list shows its last use, the third active
// key is refused with a clear message, and a revoked key stops working at once. GET / without
// the header is still the console.
import AxeBuilder from "@axe-core/playwright";
// The file path, not the folder: Node resolves no folder import from an ES module.
import { ssl } from "tencentcloud-sdk-nodejs/tencentcloud/services/ssl/index.js";
import { expect, test } from "./fixtures";

const THEME_STORAGE_KEY = "certdesk-theme";

function sslClient(baseURL: string, credential: { secretId: string; secretKey: string }) {
  const { host, protocol } = new URL(baseURL);
  return new ssl.v20191205.Client({
    credential,
    profile: { httpProfile: { endpoint: host, protocol: `${protocol}//`, reqTimeout: 30 } },
  });
}

async function refusalOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
  } catch (error) {
    return String((error as { code?: string }).code);
  }
  throw new Error("the call was answered, not refused");
}

test.beforeAll(() => {
  // The SDK sends every request through http_proxy when it is set.
  for (const name of ["http_proxy", "HTTP_PROXY"]) delete process.env[name];
});

test("GET / is still the console; POST / with X-TC-Action is the SSL API", async ({ request }) => {
  const page = await request.get("/", { maxRedirects: 0 });
  expect(page.status()).toBeLessThan(400);
  expect(page.headers()["content-type"] ?? "").not.toContain("application/json");

  const api = await request.post("/", {
    headers: {
      "x-tc-action": "DescribeCertificates",
      "x-tc-version": "2019-12-05",
      "content-type": "application/json",
    },
    data: "{}",
  });
  expect(api.status()).toBe(200);
  expect(api.headers()["content-type"]).toBe("application/json");
  expect((await api.json()).Response.Error.Code).toBe("AuthFailure.InvalidAuthorization");
});

test("a customer creates keys, the SDK signs with one, and a revoked key is refused at once", async ({
  customerPage: page,
  baseURL,
}) => {
  test.slow();
  await page.goto("/certificates");
  await page.getByTestId("user-menu").click();
  await page.getByTestId("user-menu-api-keys").click();
  await expect(page).toHaveURL(/\/api-keys$/);
  await expect(page.getByTestId("api-keys-empty")).toBeVisible();

  await page.getByLabel("Name").fill("ci deploy");
  await page.getByLabel("Scope").selectOption("READ_WRITE");
  await page.getByTestId("create-api-key-submit").click();
  const secretId = (await page.getByTestId("new-secret-id").textContent()) ?? "";
  const secretKey = (await page.getByTestId("new-secret-key").textContent()) ?? "";
  expect(secretId).toMatch(/^AKID[A-Za-z0-9]{32}$/);
  expect(secretKey).toMatch(/^[A-Za-z0-9]{32}$/);
  await expect(page.getByRole("button", { name: "Copy SecretKey" })).toBeVisible();
  await expect(page.getByTestId("api-key")).toHaveCount(1);

  const client = sslClient(baseURL ?? "", { secretId, secretKey });
  const listed = await client.DescribeCertificates({ Limit: 5 });
  expect(listed.TotalCount).toBeGreaterThan(0);

  // Shown once: after a reload only the SecretId is on the page, and the last use is there.
  await page.reload();
  await expect(page.getByTestId("new-api-key")).toHaveCount(0);
  await expect(page.getByText(secretKey)).toHaveCount(0);
  await expect(page.getByTestId("api-key").getByText(secretId)).toBeVisible();
  await expect(page.getByTestId("api-key-last-used")).toContainText(/from /);
  await expect(page.getByTestId("api-key-last-used").locator("time")).toHaveText(/(UTC|GMT|[A-Z]{2,5})/);

  for (const theme of ["light", "dark"] as const) {
    await page.evaluate(([key, value]) => localStorage.setItem(key, value), [THEME_STORAGE_KEY, theme] as const);
    await page.reload();
    if (theme === "dark") await expect(page.locator("html")).toHaveClass(/\bdark\b/);
    else await expect(page.locator("html")).not.toHaveClass(/\bdark\b/);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((violation) => ["serious", "critical"].includes(violation.impact ?? ""));
    expect(
      serious.map((violation) => `${violation.id}: ${violation.help}`),
      theme,
    ).toEqual([]);
  }

  await page.getByLabel("Name").fill("second");
  await page.getByTestId("create-api-key-submit").click();
  await expect(page.getByTestId("api-key")).toHaveCount(2);
  await page.getByTestId("hide-new-api-key").click();
  await expect(page.getByTestId("api-key-limit")).toContainText("2 active keys");

  const firstRow = page.getByTestId("api-key").filter({ hasText: secretId });
  await firstRow.getByTestId("revoke-api-key").click();
  await page.getByTestId("revoke-api-key-confirm").click();
  await expect(firstRow).toHaveAttribute("data-status", "REVOKED");
  expect(await refusalOf(client.DescribeCertificates({ Limit: 5 }))).toBe("AuthFailure.SecretIdNotFound");
  await expect(page.getByTestId("create-api-key-submit")).toBeVisible();
});

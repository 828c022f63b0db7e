import { test as setup } from "@playwright/test";
import { ADMIN_STATE, CUSTOMER_STATE, DEMO_ADMIN, DEMO_CUSTOMER, signIn } from "./support";

setup("sign in as the demo customer", async ({ page }) => {
  await signIn(page, DEMO_CUSTOMER);
  await page.context().storageState({ path: CUSTOMER_STATE });
});

setup("sign in as the demo administrator", async ({ page }) => {
  await signIn(page, DEMO_ADMIN);
  await page.context().storageState({ path: ADMIN_STATE });
});

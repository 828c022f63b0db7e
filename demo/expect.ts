// Playwright's expect outside its test runner: the same assertions, with a timeout that
// suits a production server on a small machine (the runner's config is not read here).
import { expect as baseExpect } from "@playwright/test";

export const expect = baseExpect.configure({ timeout: 15_000 });

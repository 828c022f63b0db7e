import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { demoAccounts } from "@/lib/seed/demo-accounts";
import { findDemoAccountsToShow } from "@/lib/seed/find-demo-accounts-to-show";
import { seedDemoData } from "@/lib/seed/seed-demo-data";
import { createAdmin } from "@/lib/users/create-admin";
import { TEST_NOW } from "@/testing/factories";

describe("findDemoAccountsToShow", () => {
  it("shows nothing in DEMO_MODE while the demo accounts do not exist (a production start creates none)", async () => {
    expect(await findDemoAccountsToShow(true)).toBeNull();
    await createAdmin({ ...demoAccounts().admin, now: TEST_NOW });
    expect(await findDemoAccountsToShow(true)).toBeNull();
  });

  it("shows the seeded accounts in DEMO_MODE only, and not once one of them is disabled", async () => {
    await seedDemoData(TEST_NOW);
    expect(await findDemoAccountsToShow(true)).toEqual(demoAccounts());
    expect(await findDemoAccountsToShow(false)).toBeNull();
    await db.user.update({ where: { email: demoAccounts().customer.email }, data: { disabledAt: TEST_NOW } });
    expect(await findDemoAccountsToShow(true)).toBeNull();
  });
});

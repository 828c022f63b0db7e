import { describe, expect, it } from "vitest";
import { authenticateUser } from "@/lib/auth/authenticate-user";
import { db } from "@/lib/db/client";
import { seedDemoData } from "@/lib/seed/seed-demo-data";
import { createAdmin } from "@/lib/users/create-admin";
import { TEST_NOW, uniqueEmail } from "@/testing/factories";
import { expectBalancesMatchLedger } from "@/testing/ledger-invariant";

describe("seedDemoData", () => {
  it("creates the demo customer and admin once; a second run duplicates nothing", async () => {
    const first = await seedDemoData(TEST_NOW);
    expect(first.created).toEqual([
      "admin admin@example.com",
      "21 prices",
      "customer demo@example.com",
      expect.stringMatching(/^\d+ certificates$/),
    ]);
    const counts = async () => ({
      users: await db.user.count(),
      accounts: await db.billingAccount.count(),
      certificates: await db.certificate.count(),
      prices: await db.price.count(),
      ledger: await db.ledgerEntry.count(),
      resources: await db.cloudResource.count(),
    });
    const before = await counts();
    const second = await seedDemoData(TEST_NOW);
    expect(second.created).toEqual([]);
    expect(await counts()).toEqual(before);
    await expectBalancesMatchLedger();
    const customer = await db.user.findUniqueOrThrow({
      where: { email: "demo@example.com" },
      include: { billingAccount: true },
    });
    expect(customer.billingAccount?.balanceMinor).toBe(5_000);

    const signIn = (email: string, password: string) =>
      authenticateUser({
        email,
        password,
        ip: "127.0.0.1",
        deviceToken: undefined,
        now: TEST_NOW,
        secret: "x".repeat(32),
      });
    expect(await signIn("demo@example.com", "demo-password")).toMatchObject({ ok: true, user: { role: "CUSTOMER" } });
    expect(await signIn("admin@example.com", "admin-password")).toMatchObject({ ok: true, user: { role: "ADMIN" } });
  });
});

describe("createAdmin", () => {
  it("creates an administrator, or promotes an existing user and ends their sessions", async () => {
    const email = uniqueEmail("ops");
    expect(await createAdmin({ email, password: "first-password", now: TEST_NOW })).toMatchObject({ created: true });
    const promoted = await createAdmin({ email, password: "second-password", now: TEST_NOW });
    expect(promoted.created).toBe(false);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user).toMatchObject({ role: "ADMIN", sessionVersion: 1 });
    const result = await authenticateUser({
      email,
      password: "second-password",
      ip: "127.0.0.1",
      deviceToken: undefined,
      now: TEST_NOW,
      secret: "x".repeat(32),
    });
    expect(result).toMatchObject({ ok: true });
  });
});

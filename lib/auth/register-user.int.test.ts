import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { registerUser } from "@/lib/auth/register-user";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { TEST_NOW, uniqueEmail } from "@/testing/factories";

describe("registerUser", () => {
  it("creates a customer with an empty USD balance, an argon2id hash and an audit entry", async () => {
    const email = uniqueEmail("new");
    const user = await registerUser({
      email: email.toUpperCase(),
      name: " Ada ",
      password: "long-enough-1",
      now: TEST_NOW,
    });
    expect(user).toMatchObject({ email, name: "Ada", role: "CUSTOMER" });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored.passwordHash, "long-enough-1")).toBe(true);
    expect(await db.billingAccount.findUnique({ where: { ownerId: user.id } })).toMatchObject({
      balanceMinor: 0,
      currency: "USD",
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { targetId: user.id } });
    expect(audit).toMatchObject({ action: "user.register", actorId: user.id });
    expect(JSON.stringify(audit)).not.toContain("long-enough-1");
  });

  it("refuses a second account with the same address and leaves nothing behind", async () => {
    const email = uniqueEmail("dup");
    await registerUser({ email, name: "First", password: "long-enough-1", now: TEST_NOW });
    await expect(registerUser({ email, name: "Second", password: "long-enough-2", now: TEST_NOW })).rejects.toEqual(
      new AppError("EMAIL_TAKEN"),
    );
    expect(await db.user.count({ where: { email } })).toBe(1);
    expect(
      await db.auditLog.count({ where: { action: "user.register", after: { path: ["name"], equals: "Second" } } }),
    ).toBe(0);
  });
});

import { describe, expect, it } from "vitest";
import { actAs } from "@/testing/action-harness";

const { db } = await import("@/lib/db/client");
const { AppError } = await import("@/lib/errors");
const { getCurrentUser } = await import("@/lib/auth/session");
const { setAccountDisabled } = await import("@/lib/admin/set-account-disabled");
const { setAccountDisabledAction } = await import("@/app/admin/customers/actions");
const { createTestUser, TEST_NOW } = await import("@/testing/factories");

const context = { ip: "203.0.113.9", now: TEST_NOW };

describe("setAccountDisabled", () => {
  it("disables an account: its session ends on the next request, and it is audited", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const customer = await createTestUser();
    actAs(customer);
    expect(await getCurrentUser()).toMatchObject({ id: customer.id });

    const state = await setAccountDisabled(admin, { userId: customer.id, disabled: true }, context);
    expect(state).toEqual({
      userId: customer.id,
      disabledAt: TEST_NOW.toISOString(),
      sessionVersion: 1,
      changed: true,
    });
    const stored = await db.user.findUniqueOrThrow({ where: { id: customer.id } });
    expect(stored).toMatchObject({ disabledAt: TEST_NOW, sessionVersion: 1 });
    // Same cookie, next request: out.
    actAs(customer);
    expect(await getCurrentUser()).toBeNull();
    expect(
      await db.auditLog.findFirstOrThrow({ where: { targetId: customer.id, action: "user.disable" } }),
    ).toMatchObject({
      actorId: admin.id,
      targetType: "User",
      before: { disabledAt: null, sessionVersion: 0 },
      after: { disabledAt: TEST_NOW.toISOString(), sessionVersion: 1 },
      ip: "203.0.113.9",
    });

    // Disabling again changes and records nothing.
    expect(await setAccountDisabled(admin, { userId: customer.id, disabled: true }, context)).toMatchObject({
      changed: false,
      sessionVersion: 1,
    });
    expect(await db.auditLog.count({ where: { targetId: customer.id, action: "user.disable" } })).toBe(1);
  });

  it("enables it again (the old session stays ended: a fresh sign-in is needed)", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const customer = await createTestUser();
    await setAccountDisabled(admin, { userId: customer.id, disabled: true }, context);
    const state = await setAccountDisabled(admin, { userId: customer.id, disabled: false }, context);
    expect(state).toEqual({ userId: customer.id, disabledAt: null, sessionVersion: 1, changed: true });
    expect(
      await db.auditLog.findFirstOrThrow({ where: { targetId: customer.id, action: "user.enable" } }),
    ).toMatchObject({
      before: { disabledAt: TEST_NOW.toISOString(), sessionVersion: 1 },
      after: { disabledAt: null, sessionVersion: 1 },
    });
  });

  it("refuses to let an administrator disable themselves, and answers NOT_FOUND for no such user", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    await expect(setAccountDisabled(admin, { userId: admin.id, disabled: true }, context)).rejects.toThrow(
      new AppError("CANNOT_DISABLE_SELF"),
    );
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).disabledAt).toBeNull();
    await expect(setAccountDisabled(admin, { userId: "nobody", disabled: true }, context)).rejects.toThrow(
      new AppError("NOT_FOUND"),
    );
  });

  it("through the action: the refusal is a translated message", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    actAs(admin);
    expect(await setAccountDisabledAction({ userId: admin.id, disabled: true })).toEqual({
      ok: false,
      code: "CANNOT_DISABLE_SELF",
      message: "You cannot disable your own account. Ask another administrator to do it.",
    });
  });
});

import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { createTestUser } from "@/testing/factories";

// The JWT is Auth.js's business; what is tested here is the data-layer check that
// runs on every request with whatever session the cookie carried.
const session = vi.hoisted(() => ({ current: null as null | { userId: string; sessionVersion: number } }));
vi.mock("@/lib/auth/read-session-claims", () => ({ createSessionClaimsReader: () => async () => session.current }));
vi.mock("next/headers", () => ({ cookies: async () => ({ get: () => undefined, getAll: () => [] }) }));

const { getCurrentUser } = await import("@/lib/auth/session");

describe("getCurrentUser", () => {
  beforeEach(() => {
    session.current = null;
  });

  it("returns the user behind a valid session, without secrets", async () => {
    const user = await createTestUser();
    session.current = { userId: user.id, sessionVersion: 0 };
    const current = await getCurrentUser();
    expect(current).toEqual({ id: user.id, email: user.email, name: "Test User", role: "CUSTOMER" });
    expect(current).not.toHaveProperty("passwordHash");
  });

  it("signs a disabled user out on their next request", async () => {
    const user = await createTestUser();
    session.current = { userId: user.id, sessionVersion: 0 };
    await db.user.update({
      where: { id: user.id },
      data: { disabledAt: new Date(), sessionVersion: { increment: 1 } },
    });
    expect(await getCurrentUser()).toBeNull();
  });

  it("ends sessions whose version was bumped (even if the account is active)", async () => {
    const user = await createTestUser();
    session.current = { userId: user.id, sessionVersion: 0 };
    await db.user.update({ where: { id: user.id }, data: { sessionVersion: 1 } });
    expect(await getCurrentUser()).toBeNull();
  });

  it("returns null without a session or for a user that no longer exists", async () => {
    expect(await getCurrentUser()).toBeNull();
    session.current = { userId: "missing", sessionVersion: 0 };
    expect(await getCurrentUser()).toBeNull();
  });
});

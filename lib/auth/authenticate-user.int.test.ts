import { describe, expect, it } from "vitest";
import { type AuthenticationRequest, authenticateUser } from "@/lib/auth/authenticate-user";
import { issueDeviceToken } from "@/lib/auth/device-token";
import { db } from "@/lib/db/client";
import { createTestUser, TEST_NOW, uniqueEmail } from "@/testing/factories";

const secret = process.env.AUTH_SECRET as string;
const at = (seconds: number) => new Date(TEST_NOW.getTime() + seconds * 1000);

function attempt(
  overrides: Partial<AuthenticationRequest> & { email: string },
): Promise<ReturnType<typeof authenticateUser> extends Promise<infer R> ? R : never> {
  return authenticateUser({
    password: "wrong-password",
    ip: "198.51.100.1",
    deviceToken: undefined,
    now: TEST_NOW,
    secret,
    ...overrides,
  });
}

describe("authenticateUser", () => {
  it("signs in with the right password, whatever the case of the address", async () => {
    const user = await createTestUser();
    const result = await attempt({ email: `  ${user.email.toUpperCase()} `, password: user.password });
    expect(result).toMatchObject({ ok: true, user: { id: user.id, role: "CUSTOMER" } });
    const recorded = await db.signInAttempt.findMany({ where: { userId: user.id } });
    expect(recorded).toMatchObject([{ succeeded: true, ip: "198.51.100.1" }]);
  });

  it("gives the same answer for a wrong password and an unknown address", async () => {
    const user = await createTestUser();
    expect(await attempt({ email: user.email })).toEqual({ ok: false, code: "INVALID_CREDENTIALS" });
    expect(await attempt({ email: uniqueEmail("nobody") })).toEqual({ ok: false, code: "INVALID_CREDENTIALS" });
  });

  it("refuses a disabled account only once the password is right", async () => {
    const user = await createTestUser();
    await db.user.update({ where: { id: user.id }, data: { disabledAt: TEST_NOW } });
    expect(await attempt({ email: user.email })).toEqual({ ok: false, code: "INVALID_CREDENTIALS" });
    expect(await attempt({ email: user.email, password: user.password })).toEqual({
      ok: false,
      code: "ACCOUNT_DISABLED",
    });
  });

  it("allows 10 failures a minute per account, then refuses even the right password, from any address", async () => {
    const user = await createTestUser();
    for (let i = 0; i < 10; i++) {
      expect(await attempt({ email: user.email, ip: `203.0.113.${i}`, now: at(i) })).toMatchObject({
        code: "INVALID_CREDENTIALS",
      });
    }
    const refused = await attempt({ email: user.email, password: user.password, ip: "192.0.2.50", now: at(10) });
    expect(refused).toEqual({ ok: false, code: "TOO_MANY_ATTEMPTS", retryAfterSeconds: 50 });
    // Refused attempts are not recorded, so they do not prolong the lock-out.
    expect(await db.signInAttempt.count({ where: { email: user.email } })).toBe(10);
    // Once the attack stops, the minute passes and the real user gets in.
    const later = await attempt({ email: user.email, password: user.password, ip: "192.0.2.50", now: at(61) });
    expect(later).toMatchObject({ ok: true });
  });

  it("caps an account at 100 failures an hour", async () => {
    const user = await createTestUser();
    // 100 failures, 5 every minute, from rotating addresses (under the per-minute limit).
    await db.signInAttempt.createMany({
      data: Array.from({ length: 100 }, (_, i) => ({
        email: user.email,
        userId: user.id,
        ip: `203.0.113.${i % 50}`,
        succeeded: false,
        createdAt: at(-3000 + i * 12),
      })),
    });
    const refused = await attempt({ email: user.email, password: user.password, now: at(0) });
    expect(refused).toEqual({ ok: false, code: "TOO_MANY_ATTEMPTS", retryAfterSeconds: 600 });
    expect(await attempt({ email: user.email, password: user.password, now: at(600) })).toMatchObject({ ok: true });
  });

  it("lets the owner's browser in during an attack on the account from elsewhere", async () => {
    const user = await createTestUser();
    const deviceToken = issueDeviceToken(user.id, secret);
    for (let i = 0; i < 12; i++) await attempt({ email: user.email, ip: `203.0.113.${i}`, now: at(i) });
    expect(await attempt({ email: user.email, password: user.password, now: at(12) })).toMatchObject({
      code: "TOO_MANY_ATTEMPTS",
    });
    // The owner's browser has its own allowance: a typo, then the right password.
    expect(await attempt({ email: user.email, deviceToken, now: at(13) })).toMatchObject({
      code: "INVALID_CREDENTIALS",
    });
    expect(await attempt({ email: user.email, password: user.password, deviceToken, now: at(14) })).toMatchObject({
      ok: true,
    });
    // A device cookie of another account does not help.
    const other = await createTestUser();
    const foreignToken = issueDeviceToken(other.id, secret);
    expect(
      await attempt({ email: user.email, password: user.password, deviceToken: foreignToken, now: at(15) }),
    ).toMatchObject({
      code: "TOO_MANY_ATTEMPTS",
    });
  });

  it("limits one address to 20 failures a minute across accounts", async () => {
    const ip = "198.51.100.77";
    for (let i = 0; i < 20; i++) await attempt({ email: uniqueEmail("spray"), ip, now: at(i) });
    const victim = await createTestUser();
    expect(await attempt({ email: victim.email, password: victim.password, ip, now: at(21) })).toMatchObject({
      code: "TOO_MANY_ATTEMPTS",
    });
    expect(
      await attempt({ email: victim.email, password: victim.password, ip: "198.51.100.78", now: at(21) }),
    ).toMatchObject({
      ok: true,
    });
  });
});

import "server-only";
import { readDeviceToken } from "@/lib/auth/device-token";
import { normaliseEmail } from "@/lib/auth/normalise-email";
import { spendPasswordCheckTime, verifyPassword } from "@/lib/auth/password";
import { ACCOUNT_LIMITS, checkLimits, IP_LIMITS, type LimitWindow, lookback } from "@/lib/auth/sign-in-limits";
import { db } from "@/lib/db/client";
import type { Prisma, Role } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/logger";

export type AuthenticatedUser = { id: string; email: string; name: string; role: Role; sessionVersion: number };

export type AuthenticationResult =
  | { ok: true; user: AuthenticatedUser }
  | { ok: false; code: "INVALID_CREDENTIALS" | "ACCOUNT_DISABLED" }
  | { ok: false; code: "TOO_MANY_ATTEMPTS"; retryAfterSeconds: number };

export type AuthenticationRequest = {
  email: string;
  password: string;
  ip: string;
  deviceToken: string | undefined;
  /** Real time (clock.systemNow): limits must not follow the demo clock. */
  now: Date;
  secret: string;
};

async function recentFailures(where: Prisma.SignInAttemptWhereInput, limits: readonly LimitWindow[], now: Date) {
  const { sinceMs, take } = lookback(limits);
  const rows = await db.signInAttempt.findMany({
    where: { ...where, succeeded: false, createdAt: { gt: new Date(now.getTime() - sinceMs) } },
    orderBy: { createdAt: "desc" },
    take,
    select: { createdAt: true },
  });
  return rows.map((row) => row.createdAt);
}

/** Checks a sign-in against the limits and the password, and records the attempt. */
export async function authenticateUser(request: AuthenticationRequest): Promise<AuthenticationResult> {
  const email = normaliseEmail(request.email);
  const { ip, now } = request;
  const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
  const deviceId = user ? readDeviceToken(request.deviceToken, user.id, request.secret) : undefined;

  // A browser that signed in to this account before has its own allowance and is
  // not subject to the address's limit (an office NAT may share it with an attacker).
  const checks = deviceId
    ? [checkLimits(await recentFailures({ email, deviceId }, ACCOUNT_LIMITS, now), ACCOUNT_LIMITS, now)]
    : await Promise.all([
        recentFailures({ email, deviceId: null }, ACCOUNT_LIMITS, now).then((f) => checkLimits(f, ACCOUNT_LIMITS, now)),
        recentFailures({ ip }, IP_LIMITS, now).then((f) => checkLimits(f, IP_LIMITS, now)),
      ]);
  const retryAfterSeconds = Math.max(0, ...checks.map((c) => (c.allowed ? 0 : c.retryAfterSeconds)));
  if (retryAfterSeconds > 0) {
    // Refused attempts are not recorded: once an attack stops, the windows empty.
    logger.warn({ email, ip, retryAfterSeconds }, "sign-in refused: too many failed attempts");
    return { ok: false, code: "TOO_MANY_ATTEMPTS", retryAfterSeconds };
  }

  let passwordMatches = false;
  if (user) passwordMatches = await verifyPassword(user.passwordHash, request.password);
  else await spendPasswordCheckTime(request.password);

  await db.signInAttempt.create({
    data: {
      email,
      userId: user?.id ?? null,
      ip,
      deviceId: deviceId ?? null,
      succeeded: passwordMatches,
      createdAt: now,
    },
  });
  if (!user || !passwordMatches) return { ok: false, code: "INVALID_CREDENTIALS" };
  // Only said after the right password, so it reveals nothing to a guesser.
  if (user.disabledAt) return { ok: false, code: "ACCOUNT_DISABLED" };
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion },
  };
}

// Auth.js (next-auth v5): email + password, JWT sessions. The session only carries
// the user id and session version; who the user is and whether they may still act
// is read from the database on every request (lib/auth/session.ts), which reads the
// cookie itself (lib/auth/read-session-claims.ts) instead of calling Auth.js's `auth()`.
import { cookies } from "next/headers";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { z } from "zod";
import { authenticateUser } from "@/lib/auth/authenticate-user";
import { DEVICE_COOKIE, DEVICE_TOKEN_MAX_AGE_SECONDS, issueDeviceToken } from "@/lib/auth/device-token";
import { PASSWORD_MAX_LENGTH } from "@/lib/auth/password";
import { systemNow } from "@/lib/clock";
import { getConfig } from "@/lib/config";
import { clientIpFrom } from "@/lib/http/client-ip";
import { requestProtocolFrom } from "@/lib/http/request-protocol";
import { logger } from "@/lib/logger";
import { isStorableText } from "@/lib/text/storable-text";

export class SignInRefused extends CredentialsSignin {
  constructor(
    readonly reason: "INVALID_CREDENTIALS" | "ACCOUNT_DISABLED" | "TOO_MANY_ATTEMPTS",
    readonly retryAfterSeconds = 0,
  ) {
    super(reason);
    this.code = reason;
  }
}

const credentialsSchema = z.object({
  // Attempts are recorded by address: one PostgreSQL cannot store is refused here.
  email: z.string().trim().min(3).max(320).refine(isStorableText),
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
});

function readCookie(header: string | null, name: string): string | undefined {
  for (const part of header?.split(";") ?? []) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 3600;

export const { handlers, signIn, signOut } = NextAuth(() => {
  const config = getConfig();
  return {
    secret: config.authSecret,
    trustHost: true,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in" },
    logger: {
      error: (error) => {
        if (error instanceof CredentialsSignin) return;
        logger.error({ err: error }, "auth error");
      },
      warn: (code) => logger.warn({ code }, "auth warning"),
      debug: () => {},
    },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        authorize: async (raw, request) => {
          const parsed = credentialsSchema.safeParse(raw);
          if (!parsed.success) throw new SignInRefused("INVALID_CREDENTIALS");
          const result = await authenticateUser({
            ...parsed.data,
            ip: clientIpFrom(request.headers),
            deviceToken: readCookie(request.headers.get("cookie"), DEVICE_COOKIE),
            now: systemNow(),
            secret: config.authSecret,
          });
          if (!result.ok) {
            throw new SignInRefused(result.code, result.code === "TOO_MANY_ATTEMPTS" ? result.retryAfterSeconds : 0);
          }
          (await cookies()).set(DEVICE_COOKIE, issueDeviceToken(result.user.id, config.authSecret), {
            httpOnly: true,
            sameSite: "lax",
            // Under the TRUST_PROXY rule: a client cannot declare its own connection secure.
            secure: requestProtocolFrom(request.headers) === "https",
            path: "/",
            maxAge: DEVICE_TOKEN_MAX_AGE_SECONDS,
          });
          return result.user;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          const signedIn = user as { id: string; sessionVersion: number };
          token.uid = signedIn.id;
          token.sv = signedIn.sessionVersion;
        }
        return token;
      },
      session({ session, token }) {
        session.userId = typeof token.uid === "string" ? token.uid : "";
        session.sessionVersion = typeof token.sv === "number" ? token.sv : -1;
        return session;
      },
    },
  };
});

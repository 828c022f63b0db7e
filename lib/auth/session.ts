import "server-only";
import { cookies } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { createSessionClaimsReader } from "@/lib/auth/read-session-claims";
import { systemNow } from "@/lib/clock";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/client";

export type SessionUser = { id: string; email: string; name: string; role: Role };

let readSessionClaims: ReturnType<typeof createSessionClaimsReader> | undefined;

/**
 * The signed-in user, read from the database on every request: a disabled user, or
 * one whose sessions were ended (sessionVersion bumped), is out on the next request.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  readSessionClaims ??= createSessionClaimsReader({ secret: getConfig().authSecret });
  const session = await readSessionClaims(await cookies(), systemNow());
  if (!session) return null;
  const user = await db.user.findUnique({
    where: { id: session.userId },
    select: { id: true, email: true, name: true, role: true, disabledAt: true, sessionVersion: true },
  });
  if (!user || user.disabledAt || user.sessionVersion !== session.sessionVersion) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role };
});

/** For pages: the user, or a redirect to sign-in. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  return user;
}

/** For admin pages: customers get a plain 404, as if the page did not exist. */
export async function requireAdminPage(): Promise<SessionUser> {
  const user = await requireUser();
  if (user.role !== "ADMIN") notFound();
  return user;
}

import type { SessionUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";

/** The acting user, as the boundaries establish it (null when signed out). */
export type Actor = SessionUser | null | undefined;

/**
 * Every admin use case starts here, so the role is checked in the data layer too and
 * not only by the layout or the action wrapper: signed out → UNAUTHENTICATED, a
 * customer → FORBIDDEN.
 */
export function assertAdmin(user: Actor): asserts user is SessionUser {
  if (!user) throw new AppError("UNAUTHENTICATED");
  if (user.role !== "ADMIN") throw new AppError("FORBIDDEN");
}

import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { normaliseEmail } from "@/lib/auth/normalise-email";
import { hashPassword } from "@/lib/auth/password";
import { registerUser } from "@/lib/auth/register-user";
import { db } from "@/lib/db/client";

export type CreateAdminInput = { email: string; password: string; name?: string; now: Date };

/**
 * Makes sure an administrator with this address exists and can sign in with this
 * password: creates the user, or promotes and re-keys an existing one (ending its sessions).
 */
export async function createAdmin(input: CreateAdminInput): Promise<{ id: string; created: boolean }> {
  const email = normaliseEmail(input.email);
  const existing = await db.user.findUnique({ where: { email }, select: { id: true, role: true } });
  if (!existing) {
    const user = await registerUser({
      email,
      password: input.password,
      name: input.name ?? "Administrator",
      role: "ADMIN",
      now: input.now,
    });
    return { id: user.id, created: true };
  }
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    await tx.user.update({
      where: { id: existing.id },
      data: { role: "ADMIN", passwordHash, disabledAt: null, sessionVersion: { increment: 1 } },
    });
    await recordAudit(tx, {
      actorId: null,
      action: "user.make_admin",
      targetType: "User",
      targetId: existing.id,
      before: { role: existing.role },
      after: { role: "ADMIN", passwordReset: true },
      at: input.now,
    });
  });
  return { id: existing.id, created: false };
}

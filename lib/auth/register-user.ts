import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { normaliseEmail } from "@/lib/auth/normalise-email";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma, type Role } from "@/lib/generated/prisma/client";

export type RegisterUserInput = {
  email: string;
  name: string;
  password: string;
  role?: Role;
  ip?: string | null;
  now: Date;
};

/** Creates a user and their billing account (empty balance) in one transaction. */
export async function registerUser(input: RegisterUserInput) {
  const email = normaliseEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          email,
          name: input.name.trim(),
          passwordHash,
          role: input.role ?? "CUSTOMER",
          createdAt: input.now,
          billingAccount: { create: { createdAt: input.now } },
        },
        select: { id: true, email: true, name: true, role: true },
      });
      await recordAudit(tx, {
        actorId: user.id,
        action: "user.register",
        targetType: "User",
        targetId: user.id,
        after: { email: user.email, name: user.name, role: user.role },
        ip: input.ip,
        at: input.now,
      });
      return user;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("EMAIL_TAKEN");
    }
    throw error;
  }
}

// Builders for integration tests: real rows through the same domain functions the app uses.
import { randomBytes } from "node:crypto";
import { registerUser } from "@/lib/auth/register-user";
import type { Role } from "@/lib/generated/prisma/client";

export const TEST_NOW = new Date("2026-06-15T08:00:00Z");

export function uniqueEmail(label = "user"): string {
  return `${label}-${randomBytes(4).toString("hex")}@example.test`;
}

export async function createTestUser(options: { email?: string; password?: string; role?: Role; name?: string } = {}) {
  const password = options.password ?? "correct-horse-battery";
  const user = await registerUser({
    email: options.email ?? uniqueEmail(),
    name: options.name ?? "Test User",
    password,
    role: options.role,
    now: TEST_NOW,
  });
  return { ...user, password };
}

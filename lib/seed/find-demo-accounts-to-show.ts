import "server-only";
import { normaliseEmail } from "@/lib/auth/normalise-email";
import { db } from "@/lib/db/client";
import { demoAccounts } from "@/lib/seed/demo-accounts";

export type DemoAccounts = ReturnType<typeof demoAccounts>;

/**
 * The demo accounts the sign-in page may show: only in DEMO_MODE, and only when both
 * exist and can sign in, so the page never advertises an account that is not there
 * (a production start creates none).
 */
export async function findDemoAccountsToShow(demoMode: boolean): Promise<DemoAccounts | null> {
  if (!demoMode) return null;
  const accounts = demoAccounts();
  const emails = [accounts.customer.email, accounts.admin.email].map(normaliseEmail);
  const existing = await db.user.count({ where: { email: { in: emails }, disabledAt: null } });
  return existing === emails.length ? accounts : null;
}

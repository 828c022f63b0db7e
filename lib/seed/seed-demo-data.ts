import "server-only";
import { registerUser } from "@/lib/auth/register-user";
import { db } from "@/lib/db/client";
import { demoAccounts } from "@/lib/seed/demo-accounts";
import { seedDemoCertificates } from "@/lib/seed/seed-demo-certificates";
import { seedPrices } from "@/lib/seed/seed-prices";
import { createAdmin } from "@/lib/users/create-admin";

export type SeedSummary = { created: string[]; skipped: string[] };

/**
 * Demo data for a meaningful console. Idempotent: what exists is left as it is,
 * so running it twice duplicates nothing (and never resets a changed password).
 */
export async function seedDemoData(now: Date): Promise<SeedSummary> {
  const accounts = demoAccounts();
  const summary: SeedSummary = { created: [], skipped: [] };

  const existingAdmin = await db.user.findUnique({ where: { email: accounts.admin.email }, select: { id: true } });
  if (existingAdmin) summary.skipped.push(`admin ${accounts.admin.email}`);
  else {
    await createAdmin({ ...accounts.admin, now });
    summary.created.push(`admin ${accounts.admin.email}`);
  }

  const prices = await seedPrices();
  if (prices > 0) summary.created.push(`${prices} prices`);

  let customer = await db.user.findUnique({ where: { email: accounts.customer.email }, select: { id: true } });
  if (customer) summary.skipped.push(`customer ${accounts.customer.email}`);
  else {
    customer = await registerUser({ ...accounts.customer, now });
    summary.created.push(`customer ${accounts.customer.email}`);
  }
  const certificates = await seedDemoCertificates(customer.id, now);
  if (certificates > 0) summary.created.push(`${certificates} certificates`);
  return summary;
}

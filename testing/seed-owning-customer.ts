import { db } from "@/lib/db/client";
import { createTestUser, fundAccount, seedTestCatalogue } from "@/testing/factories";
import { createOwnedObjects, type OwnedObjects } from "@/testing/security/create-owned-objects";

/**
 * The data the entry-point tests call against: the test catalogue (and the ids of the DNSPod
 * single-domain product, which the price action edits, and of the free product, which anyone
 * may apply for), an administrator, and a funded customer with a webhook who owns one object
 * of every kind (createOwnedObjects).
 */
export async function seedOwningCustomer(names: { customer: string; admin: string; webhookUrl: string }): Promise<{
  customer: Awaited<ReturnType<typeof createTestUser>>;
  admin: Awaited<ReturnType<typeof createTestUser>>;
  owned: OwnedObjects;
  priceId: string;
  freeProductId: string;
}> {
  const products = await seedTestCatalogue();
  const admin = await createTestUser({ role: "ADMIN", name: names.admin });
  const customer = await createTestUser({ name: names.customer });
  await fundAccount(customer.id, 1_000_000);
  // Rotating the webhook secret needs a webhook.
  await db.notificationSettings.create({ data: { ownerId: customer.id, webhookUrl: names.webhookUrl } });
  const owned = await createOwnedObjects(customer.id);
  const price = await db.price.findFirstOrThrow({ where: { brand: "DNSPod", domainType: "SINGLE" } });
  return { customer, admin, owned, priceId: price.id, freeProductId: products.freeSingle };
}

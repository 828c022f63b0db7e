// The order flow's side of the catalogue: products on and off sale, multi-domain limits,
// the free product and the free-certificate limit, each change audited.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";

const { db } = await import("@/lib/db/client");
const { updatePrice } = await import("@/lib/admin/update-price");
const { updateFreeCertificateLimit } = await import("@/lib/admin/update-free-certificate-limit");
const { getOrderCatalogue } = await import("@/lib/orders/get-order-catalogue");
const { placeCertificateOrder } = await import("@/lib/orders/place-certificate-order");
const { createTestUser, fundAccount, seedTestCatalogue, TEST_NOW } = await import("@/testing/factories");

const context = { ip: "203.0.113.12", now: TEST_NOW };

describe("the catalogue, as administrators change it", () => {
  it("a product taken off sale leaves the order form and refuses orders; the change is audited", async () => {
    const products = await seedTestCatalogue();
    const admin = await createTestUser({ role: "ADMIN" });
    const customer = await createTestUser();
    await fundAccount(customer.id, 50_000);
    const price = await db.price.findUniqueOrThrow({ where: { id: products.trustAsiaWildcard } });
    const offSale = await updatePrice(
      admin,
      {
        priceId: price.id,
        priceMinor: price.priceMinor,
        currency: "USD",
        autoRenewSupported: true,
        purchasable: false,
      },
      context,
    );
    expect(offSale).toMatchObject({ purchasable: false, changed: true });
    expect(await db.auditLog.findFirstOrThrow({ where: { targetId: price.id, action: "price.update" } })).toMatchObject(
      {
        before: { purchasable: true },
        after: { purchasable: false },
      },
    );
    const catalogue = await getOrderCatalogue(customer.id, "PURCHASE");
    expect(catalogue.products.map((product) => product.id)).not.toContain(price.id);
    await expect(
      placeCertificateOrder({
        ownerId: customer.id,
        actorId: customer.id,
        ip: null,
        now: TEST_NOW,
        order: {
          idempotencyKey: randomUUID(),
          flow: "PURCHASE",
          productId: price.id,
          domainCount: 1,
          names: ["*.off-sale.test"],
          validationMethod: "DNS",
          key: { source: "GENERATE", algorithm: "ECDSA_P256" },
          autoRenew: false,
        },
      }),
    ).rejects.toMatchObject({ code: "PRODUCT_NOT_AVAILABLE", details: { reason: "NOT_PURCHASABLE" } });
    await updatePrice(
      admin,
      { priceId: price.id, priceMinor: price.priceMinor, currency: "USD", autoRenewSupported: true, purchasable: true },
      context,
    );
  });

  it("sets a multi-domain product's most names, and refuses it for other products", async () => {
    const products = await seedTestCatalogue();
    const admin = await createTestUser({ role: "ADMIN" });
    const multi = await db.price.findUniqueOrThrow({ where: { id: products.dnspodMulti } });
    const base = { currency: "USD", autoRenewSupported: false, priceMinor: multi.priceMinor };
    expect(await updatePrice(admin, { ...base, priceId: multi.id, maxDomains: 20 }, context)).toMatchObject({
      maxDomains: 20,
      changed: true,
    });
    await expect(
      updatePrice(admin, { ...base, priceId: products.dnspodSingle, maxDomains: 20, priceMinor: 2_900 }, context),
    ).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(updatePrice(admin, { ...base, priceId: multi.id, maxDomains: 1 }, context)).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
  });

  it("keeps a free product free: its price stays 0 and it is edited as free", async () => {
    const products = await seedTestCatalogue();
    const admin = await createTestUser({ role: "ADMIN" });
    const free = { priceId: products.freeSingle, currency: "USD", autoRenewSupported: false };
    expect(await updatePrice(admin, { ...free, priceMinor: 0, free: true, purchasable: true }, context)).toMatchObject({
      free: true,
      priceMinor: 0,
    });
    await expect(updatePrice(admin, { ...free, priceMinor: 500, free: true }, context)).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
    await expect(updatePrice(admin, { ...free, priceMinor: 500 }, context)).rejects.toMatchObject({ code: "CONFLICT" });
  });
});

describe("updateFreeCertificateLimit", () => {
  it("sets the limit the free flow counts against, audited once per change", async () => {
    const admin = await createTestUser({ role: "ADMIN" });
    const customer = await createTestUser();
    expect((await getOrderCatalogue(customer.id, "FREE")).free).toEqual({ held: 0, limit: 50 });
    expect(await updateFreeCertificateLimit(admin, { limit: 3 }, context)).toEqual({ limit: 3, changed: true });
    expect(await updateFreeCertificateLimit(admin, { limit: 3 }, context)).toEqual({ limit: 3, changed: false });
    expect((await getOrderCatalogue(customer.id, "FREE")).free).toEqual({ held: 0, limit: 3 });
    const audits = await db.auditLog.findMany({ where: { action: "settings.free_certificate_limit.update" } });
    expect(audits).toMatchObject([
      { actorId: admin.id, before: { freeCertificateLimit: 50 }, after: { freeCertificateLimit: 3 } },
    ]);
    await expect(updateFreeCertificateLimit(admin, { limit: -1 }, context)).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
  });
});

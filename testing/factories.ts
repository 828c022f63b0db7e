// Builders for integration tests: real rows through the same domain functions the app uses.
import { randomBytes } from "node:crypto";
import { registerUser } from "@/lib/auth/register-user";
import type { SessionUser } from "@/lib/auth/session";
import { postLedgerEntry } from "@/lib/billing/post-ledger-entry";
import { db } from "@/lib/db/client";
import type { Prisma, Role } from "@/lib/generated/prisma/client";

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

export const TEST_PRICES = [
  { brand: "DNSPod", certificateType: "DV", domainType: "SINGLE", priceMinor: 2_900, autoRenewSupported: true },
  { brand: "DNSPod", certificateType: "DV", domainType: "WILDCARD", priceMinor: 9_900, autoRenewSupported: true },
  { brand: "TrustAsia", certificateType: "DV", domainType: "WILDCARD", priceMinor: 12_900, autoRenewSupported: true },
  { brand: "WoTrus", certificateType: "DV", domainType: "WILDCARD", priceMinor: 11_900, autoRenewSupported: true },
  { brand: "GeoTrust", certificateType: "OV", domainType: "SINGLE", priceMinor: 19_900, autoRenewSupported: false },
] as const;

/** The price list the tests assume (idempotent). */
export async function seedTestPrices(): Promise<void> {
  await db.price.createMany({
    data: TEST_PRICES.map((price) => ({ ...price, validityYears: 1, currency: "USD" })),
    skipDuplicates: true,
  });
}

/** Products the order tests add to TEST_PRICES: a multi-domain one, a free one, one priced in euros. */
export const TEST_ORDER_PRODUCTS = [
  {
    brand: "DNSPod",
    certificateType: "DV",
    domainType: "MULTI",
    priceMinor: 5_900,
    autoRenewSupported: false,
    maxDomains: 5,
  },
  {
    brand: "TrustAsia",
    certificateType: "DV",
    domainType: "SINGLE",
    priceMinor: 0,
    autoRenewSupported: false,
    free: true,
  },
  {
    brand: "Sectigo",
    certificateType: "DV",
    domainType: "SINGLE",
    priceMinor: 1_900,
    autoRenewSupported: false,
    currency: "EUR",
  },
] as const;

export type TestProductKey =
  | "dnspodSingle"
  | "dnspodWildcard"
  | "dnspodMulti"
  | "trustAsiaWildcard"
  | "geoTrustOv"
  | "freeSingle"
  | "euroSingle";

/** The test price list plus the order products (idempotent), and the id of each product. */
export async function seedTestCatalogue(): Promise<Record<TestProductKey, string>> {
  await seedTestPrices();
  await db.price.createMany({
    data: TEST_ORDER_PRODUCTS.map((product) => ({ currency: "USD", ...product, validityYears: 1 })),
    skipDuplicates: true,
  });
  const id = async (brand: string, certificateType: "DV" | "OV", domainType: "SINGLE" | "WILDCARD" | "MULTI") =>
    (await db.price.findFirstOrThrow({ where: { brand, certificateType, domainType, validityYears: 1 } })).id;
  return {
    dnspodSingle: await id("DNSPod", "DV", "SINGLE"),
    dnspodWildcard: await id("DNSPod", "DV", "WILDCARD"),
    dnspodMulti: await id("DNSPod", "DV", "MULTI"),
    trustAsiaWildcard: await id("TrustAsia", "DV", "WILDCARD"),
    geoTrustOv: await id("GeoTrust", "OV", "SINGLE"),
    freeSingle: await id("TrustAsia", "DV", "SINGLE"),
    euroSingle: await id("Sectigo", "DV", "SINGLE"),
  };
}

/** An issued 1-year DNSPod DV certificate expiring `expiresInDays` after TEST_NOW, unless overridden. */
/** The row of an issued, purchased DNSPod DV single-domain certificate (auto-renewal as given). */
export function issuedCertificateRow(input: {
  ownerId: string;
  domain: string;
  expiresAt: Date;
  notBefore: Date;
  autoRenewState?: "ON" | "OFF";
}): Prisma.CertificateCreateManyInput {
  return {
    sans: [],
    brand: "DNSPod",
    certificateType: "DV",
    domainType: "SINGLE",
    source: "PURCHASED",
    status: "ISSUED",
    ...input,
  };
}

export async function createTestCertificate(
  ownerId: string,
  overrides: Partial<Prisma.CertificateUncheckedCreateInput> & { expiresInDays?: number } = {},
) {
  const { expiresInDays = 60, ...rest } = overrides;
  const expiresAt = new Date(TEST_NOW.getTime() + expiresInDays * 86_400_000);
  const notBefore = new Date(expiresAt.getTime() - 365 * 86_400_000);
  const domain = `${randomBytes(3).toString("hex")}.example.test`;
  return db.certificate.create({
    data: { ...issuedCertificateRow({ ownerId, domain, notBefore, expiresAt }), issuedAt: notBefore, ...rest },
  });
}

/** `count` of the owner's CDN resources using the certificate. */
export async function createTestCloudResources(ownerId: string, certificateId: string, count: number): Promise<void> {
  await db.cloudResource.createMany({
    data: Array.from({ length: count }, (_, index) => ({
      ownerId,
      type: "CDN" as const,
      name: `cdn-${certificateId}-${index}`,
      region: "global",
      certificateId,
    })),
  });
}

/** Credits the owner's balance through the ledger, as a top-up would. */
export async function fundAccount(ownerId: string, amountMinor: number): Promise<void> {
  const account = await db.billingAccount.findUniqueOrThrow({ where: { ownerId }, select: { id: true } });
  await db.$transaction((tx) =>
    postLedgerEntry(tx, {
      accountId: account.id,
      kind: "TOP_UP",
      amountMinor,
      idempotencyKey: `test-topup:${randomBytes(8).toString("hex")}`,
      now: TEST_NOW,
    }),
  );
}

/** A signed-in caller as the actions see it: a new user (a customer with `fundMinor` on the balance, or an admin). */
export async function createTestSessionUser(options: { role?: Role; fundMinor?: number } = {}): Promise<SessionUser> {
  const role = options.role ?? "CUSTOMER";
  const user = await createTestUser({ role });
  if (options.fundMinor) await fundAccount(user.id, options.fundMinor);
  return { id: user.id, email: user.email, name: user.name, role };
}

import "server-only";
import { postLedgerEntry } from "@/lib/billing/post-ledger-entry";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CloudResourceType } from "@/lib/generated/prisma/enums";
import { deductionTime, renewedExpiry } from "@/lib/renewal/auto-renew-rules";
import { addCalendarYears, addDays } from "@/lib/time";

type Seeded = Omit<Prisma.CertificateUncheckedCreateInput, "ownerId"> & {
  key: string;
  resources?: { type: CloudResourceType; name: string; region: string }[];
};

/**
 * A realistic console for the demo customer, dated relative to `now`: certificates
 * that can and cannot be enrolled (one of each reason), one renewed chain with its
 * deduction in the ledger, fees due soon that the balance does not cover, hosted
 * zones and cloud resources. Skipped when the customer already has certificates.
 */
export async function seedDemoCertificates(ownerId: string, now: Date): Promise<number> {
  if ((await db.certificate.count({ where: { ownerId } })) > 0) return 0;
  const days = (n: number) => addDays(now, n);
  const issued = (expiresAt: Date, years = 1) => ({
    status: "ISSUED" as const,
    expiresAt,
    notBefore: addCalendarYears(expiresAt, -years),
    issuedAt: addCalendarYears(expiresAt, -years),
  });

  // The renewed chain: A expired 320 days ago and was renewed into B by the job.
  const oldExpiry = days(-320);
  const renewedAt = addDays(deductionTime(oldExpiry), 1);
  const chainNew = renewedExpiry(oldExpiry);

  const certificates: Seeded[] = [
    {
      key: "shop-wildcard-old",
      domain: "*.example-shop.com",
      sans: ["example-shop.com"],
      brand: "DNSPod",
      certificateType: "DV",
      domainType: "WILDCARD",
      source: "PURCHASED",
      alias: "Shop wildcard (2025)",
      ...issued(oldExpiry),
      // Its renewal was issued: auto-renewal moved on to the new certificate.
      autoRenewState: "OFF",
      autoRenewChangedAt: renewedAt,
    },
    {
      key: "shop-wildcard",
      domain: "*.example-shop.com",
      sans: ["example-shop.com"],
      brand: "DNSPod",
      certificateType: "DV",
      domainType: "WILDCARD",
      source: "PURCHASED",
      alias: "Shop wildcard",
      tags: ["prod"],
      status: "ISSUED",
      notBefore: renewedAt,
      issuedAt: renewedAt,
      expiresAt: chainNew,
      autoRenewState: "ON",
      autoRenewChangedAt: renewedAt,
      validationMethod: "DNS_AUTO",
      validatedAt: renewedAt,
      resources: [
        { type: "CLB", name: "shop-lb-prod", region: "ap-guangzhou" },
        { type: "CDN", name: "static.example-shop.com", region: "global" },
        { type: "WAF", name: "shop-waf", region: "ap-guangzhou" },
      ],
    },
    {
      key: "shop-www",
      domain: "www.example-shop.com",
      sans: ["example-shop.com"],
      brand: "DNSPod",
      certificateType: "DV",
      domainType: "SINGLE",
      source: "PURCHASED",
      alias: "Main site",
      tags: ["prod"],
      ...issued(days(120)),
      autoRenewState: "ON",
      autoRenewChangedAt: days(-30),
      resources: [{ type: "CDN", name: "www.example-shop.com", region: "global" }],
    },
    {
      key: "staging-wildcard",
      domain: "*.staging.example-shop.com",
      sans: [],
      brand: "DNSPod",
      certificateType: "DV",
      domainType: "WILDCARD",
      source: "PURCHASED",
      tags: ["staging"],
      ...issued(days(33)),
      autoRenewState: "ON",
      autoRenewChangedAt: days(-60),
    },
    {
      key: "demo-app-wildcard",
      domain: "*.demo-app.net",
      sans: ["demo-app.net"],
      brand: "TrustAsia",
      certificateType: "DV",
      domainType: "WILDCARD",
      source: "PURCHASED",
      alias: "Demo app",
      ...issued(days(20)),
      resources: [{ type: "API_GATEWAY", name: "demo-app-gateway", region: "ap-shanghai" }],
    },
    {
      key: "intranet-wildcard",
      domain: "*.corp-intranet.io",
      sans: [],
      brand: "WoTrus",
      certificateType: "DV",
      domainType: "WILDCARD",
      source: "PURCHASED",
      ...issued(days(200)),
    },
    {
      key: "pay",
      domain: "pay.example-shop.com",
      sans: [],
      brand: "DNSPod",
      certificateType: "DV",
      domainType: "SINGLE",
      source: "PURCHASED",
      alias: "Payments",
      tags: ["prod", "pci"],
      ...issued(days(25)),
      autoRenewState: "TERMINATED",
      autoRenewEndReason: "INSUFFICIENT_BALANCE",
      autoRenewChangedAt: days(-5),
      resources: [{ type: "CLB", name: "pay-lb", region: "ap-guangzhou" }],
    },
    {
      key: "shop-api",
      domain: "api.example-shop.com",
      sans: [],
      brand: "DNSPod",
      certificateType: "DV",
      domainType: "SINGLE",
      source: "PURCHASED",
      ...issued(days(10)),
    },
    {
      key: "bank-ov",
      domain: "secure.example-bank.com",
      sans: [],
      brand: "GeoTrust",
      certificateType: "OV",
      domainType: "SINGLE",
      source: "PURCHASED",
      ...issued(days(300)),
    },
    {
      key: "bank-ev",
      domain: "www.example-bank.com",
      sans: ["example-bank.com"],
      brand: "DigiCert",
      certificateType: "EV",
      domainType: "SINGLE",
      source: "PURCHASED",
      alias: "Bank site (EV)",
      ...issued(days(150)),
    },
    {
      key: "mail-multi",
      domain: "mail.example-shop.com",
      sans: ["smtp.example-shop.com", "imap.example-shop.com", "autodiscover.example-shop.com"],
      brand: "DNSPod",
      certificateType: "DV",
      domainType: "MULTI",
      source: "PURCHASED",
      ...issued(days(90)),
    },
    {
      key: "blog",
      domain: "blog.demo-app.net",
      sans: [],
      brand: "TrustAsia",
      certificateType: "DV",
      domainType: "SINGLE",
      source: "PURCHASED",
      ...issued(days(100)),
    },
    {
      key: "free",
      domain: "test.demo-app.net",
      sans: [],
      brand: "DNSPod",
      certificateType: "DV",
      domainType: "SINGLE",
      source: "FREE",
      ...issued(days(60)),
    },
    {
      key: "two-year",
      domain: "legacy.example-shop.com",
      sans: [],
      brand: "DNSPod",
      certificateType: "DV",
      domainType: "SINGLE",
      source: "PURCHASED",
      validityYears: 2,
      ...issued(days(400), 2),
    },
    {
      key: "expired",
      domain: "old.example-shop.com",
      sans: [],
      brand: "DNSPod",
      certificateType: "DV",
      domainType: "SINGLE",
      source: "PURCHASED",
      ...issued(days(-5)),
    },
    {
      key: "status-page",
      domain: "status.demo-app.net",
      sans: [],
      brand: "Sectigo",
      certificateType: "DV",
      domainType: "SINGLE",
      source: "PURCHASED",
      alias: "Status page",
      ...issued(days(75)),
    },
    {
      key: "uploaded",
      domain: "cdn.example-shop.com",
      sans: [],
      brand: "Let's Encrypt",
      certificateType: "DV",
      domainType: "SINGLE",
      source: "UPLOADED",
      status: "ISSUED",
      notBefore: days(-40),
      issuedAt: days(-40),
      expiresAt: days(50),
    },
    ...[7, 40, 95, 160, 230, 310].map(
      (expiresIn, index): Seeded => ({
        key: `app-${index}`,
        domain: `app${index + 1}.demo-app.net`,
        sans: [],
        brand: "DNSPod",
        certificateType: "DV",
        domainType: "SINGLE",
        source: "PURCHASED",
        ...issued(days(expiresIn)),
      }),
    ),
  ];

  return db.$transaction(
    async (tx) => {
      const ids = new Map<string, string>();
      for (const { key, resources, ...data } of certificates) {
        const created = await tx.certificate.create({
          data: { ...data, ownerId, createdAt: (data.issuedAt as Date | undefined) ?? now },
          select: { id: true },
        });
        ids.set(key, created.id);
        for (const resource of resources ?? []) {
          await tx.cloudResource.create({ data: { ...resource, ownerId, certificateId: created.id, createdAt: now } });
        }
      }
      const oldId = ids.get("shop-wildcard-old") as string;
      const newId = ids.get("shop-wildcard") as string;
      await tx.certificate.update({ where: { id: newId }, data: { renewsId: oldId } });

      const account = await tx.billingAccount.findUniqueOrThrow({ where: { ownerId }, select: { id: true } });
      const topUpAt = days(-360);
      const payment = await tx.payment.create({
        data: {
          accountId: account.id,
          provider: "demo",
          providerReference: `seed-${ownerId}`,
          amountMinor: 14_900,
          currency: "USD",
          status: "SUCCEEDED",
          createdAt: topUpAt,
          completedAt: topUpAt,
        },
      });
      await postLedgerEntry(tx, {
        accountId: account.id,
        kind: "TOP_UP",
        amountMinor: 14_900,
        idempotencyKey: `topup:${payment.id}`,
        paymentId: payment.id,
        actorId: ownerId,
        now: topUpAt,
      });
      const deductedAt = deductionTime(oldExpiry);
      const order = await tx.renewalOrder.create({
        data: {
          ownerId,
          certificateId: oldId,
          attempt: 1,
          trigger: "AUTO",
          status: "ISSUED",
          priceMinor: 9_900,
          currency: "USD",
          newCertificateId: newId,
          createdAt: deductedAt,
          issuedAt: renewedAt,
        },
      });
      await postLedgerEntry(tx, {
        accountId: account.id,
        kind: "RENEWAL_DEDUCTION",
        amountMinor: -9_900,
        idempotencyKey: `renewal:${oldId}:1`,
        certificateId: oldId,
        renewalOrderId: order.id,
        now: deductedAt,
      });

      // Zone names are unique across customers: extra demo customers (e2e tests) share the
      // demo domains but not their zones, so their renewals validate by hand.
      await tx.hostedZone.createMany({
        data: ["example-shop.com", "corp-intranet.io"].map((name) => ({ ownerId, name, createdAt: days(-700) })),
        skipDuplicates: true,
      });
      return certificates.length;
    },
    { timeout: 30_000 },
  );
}

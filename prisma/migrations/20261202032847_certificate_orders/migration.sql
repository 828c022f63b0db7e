-- CreateEnum
CREATE TYPE "CertificateOrderKind" AS ENUM ('PURCHASE', 'FREE');

-- CreateEnum
CREATE TYPE "CertificateOrderStatus" AS ENUM ('PAID', 'ISSUED', 'CANCELED', 'TIMED_OUT');

-- AlterEnum
ALTER TYPE "LedgerKind" ADD VALUE 'PURCHASE';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'ORDER_VALIDATION_NEEDED';
ALTER TYPE "NotificationKind" ADD VALUE 'CERTIFICATE_ISSUED';
ALTER TYPE "NotificationKind" ADD VALUE 'ORDER_TIMED_OUT';

-- DropIndex
DROP INDEX "Price_brand_certificateType_domainType_validityYears_key";

-- AlterTable
ALTER TABLE "Certificate" ADD COLUMN     "csrPem" TEXT;

-- AlterTable
ALTER TABLE "LedgerEntry" ADD COLUMN     "certificateOrderId" TEXT;

-- AlterTable
ALTER TABLE "Price" ADD COLUMN     "free" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "maxDomains" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "purchasable" BOOLEAN NOT NULL DEFAULT true;

-- CreateTable
CREATE TABLE "CertificateOrder" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "idempotencyKey" VARCHAR(64) NOT NULL,
    "kind" "CertificateOrderKind" NOT NULL,
    "status" "CertificateOrderStatus" NOT NULL,
    "brand" VARCHAR(40) NOT NULL,
    "certificateType" "CertificateType" NOT NULL,
    "domainType" "DomainType" NOT NULL,
    "validityYears" INTEGER NOT NULL,
    "domainCount" INTEGER NOT NULL,
    "domains" TEXT[],
    "priceMinor" INTEGER NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "autoRenew" BOOLEAN NOT NULL DEFAULT false,
    "certificateId" TEXT NOT NULL,
    "renewsCertificateId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "issuedAt" TIMESTAMPTZ(3),
    "endedAt" TIMESTAMPTZ(3),
    "refundedAt" TIMESTAMPTZ(3),

    CONSTRAINT "CertificateOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlatformSettings" (
    "id" TEXT NOT NULL DEFAULT 'global',
    "freeCertificateLimit" INTEGER NOT NULL DEFAULT 50,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "PlatformSettings_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CertificateOrder_certificateId_key" ON "CertificateOrder"("certificateId");

-- CreateIndex
CREATE INDEX "CertificateOrder_ownerId_createdAt_idx" ON "CertificateOrder"("ownerId", "createdAt");

-- CreateIndex
CREATE INDEX "CertificateOrder_renewsCertificateId_idx" ON "CertificateOrder"("renewsCertificateId");

-- CreateIndex
CREATE UNIQUE INDEX "CertificateOrder_ownerId_idempotencyKey_key" ON "CertificateOrder"("ownerId", "idempotencyKey");

-- CreateIndex
CREATE INDEX "LedgerEntry_certificateOrderId_idx" ON "LedgerEntry"("certificateOrderId");

-- CreateIndex
CREATE UNIQUE INDEX "Price_brand_certificateType_domainType_validityYears_free_key" ON "Price"("brand", "certificateType", "domainType", "validityYears", "free");

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_certificateOrderId_fkey" FOREIGN KEY ("certificateOrderId") REFERENCES "CertificateOrder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CertificateOrder" ADD CONSTRAINT "CertificateOrder_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CertificateOrder" ADD CONSTRAINT "CertificateOrder_certificateId_fkey" FOREIGN KEY ("certificateId") REFERENCES "Certificate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CertificateOrder" ADD CONSTRAINT "CertificateOrder_renewsCertificateId_fkey" FOREIGN KEY ("renewsCertificateId") REFERENCES "Certificate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Invariants schema.prisma cannot express; kept in the database so no code path can break them.

-- A certificate purchase takes money from the balance. Kinds are compared as text here:
-- PURCHASE is added to LedgerKind by this same migration, and PostgreSQL does not let the
-- transaction that added an enum value use it.
ALTER TABLE "LedgerEntry" DROP CONSTRAINT "LedgerEntry_sign_matches_kind";
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_sign_matches_kind" CHECK (
  ("kind"::text IN ('TOP_UP', 'REFUND', 'ADMIN_CREDIT') AND "amountMinor" > 0)
  OR ("kind"::text IN ('RENEWAL_DEDUCTION', 'MANUAL_RENEWAL', 'ADMIN_DEBIT', 'PURCHASE') AND "amountMinor" < 0)
);

-- An order's price is never negative, a free application costs nothing, and an order names
-- as many domains as were paid for.
ALTER TABLE "CertificateOrder" ADD CONSTRAINT "CertificateOrder_price_not_negative" CHECK ("priceMinor" >= 0);
ALTER TABLE "CertificateOrder" ADD CONSTRAINT "CertificateOrder_free_costs_nothing" CHECK ("kind" <> 'FREE' OR "priceMinor" = 0);
ALTER TABLE "CertificateOrder" ADD CONSTRAINT "CertificateOrder_domains_match_count" CHECK ("domainCount" >= 1 AND cardinality("domains") = "domainCount");

-- Multi-domain products already on sale keep selling: up to 100 names each until an
-- administrator sets otherwise.
UPDATE "Price" SET "maxDomains" = 100 WHERE "domainType" = 'MULTI';

-- CreateEnum
CREATE TYPE "DelegationStatus" AS ENUM ('UNCHECKED', 'DELEGATED', 'PARTIAL', 'NOT_DELEGATED');

-- CreateEnum
CREATE TYPE "DnsRecordState" AS ENUM ('PENDING', 'PUBLISHED', 'REMOVING');

-- AlterTable
ALTER TABLE "Certificate" ADD COLUMN     "issuerId" TEXT;

-- AlterTable
ALTER TABLE "DnsRecord" ADD COLUMN     "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "certificateId" TEXT,
ADD COLUMN     "lastError" VARCHAR(500),
ADD COLUMN     "nextAttemptAt" TIMESTAMPTZ(3),
ADD COLUMN     "state" "DnsRecordState" NOT NULL DEFAULT 'PENDING';

-- AlterTable
ALTER TABLE "HostedZone" ADD COLUMN     "delegatedAt" TIMESTAMPTZ(3),
ADD COLUMN     "delegationCheckFailure" VARCHAR(40),
ADD COLUMN     "delegationCheckedAt" TIMESTAMPTZ(3),
ADD COLUMN     "delegationStatus" "DelegationStatus" NOT NULL DEFAULT 'UNCHECKED',
ADD COLUMN     "removingAt" TIMESTAMPTZ(3),
ADD COLUMN     "seenNameservers" TEXT[],
ALTER COLUMN "ownerId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Price" ADD COLUMN     "issuerId" TEXT;

-- CreateTable
CREATE TABLE "Issuer" (
    "id" TEXT NOT NULL,
    "name" VARCHAR(80) NOT NULL,
    "directoryUrl" VARCHAR(500) NOT NULL,
    "eabKeyId" VARCHAR(200),
    "eabHmacKeyEncrypted" TEXT,
    "contactEmail" VARCHAR(254),
    "caBundlePem" TEXT,
    "termsAccepted" BOOLEAN NOT NULL DEFAULT false,
    "termsOfServiceUrl" VARCHAR(500),
    "accountKeyEncrypted" TEXT,
    "accountUrl" VARCHAR(500),
    "lastTestedAt" TIMESTAMPTZ(3),
    "lastTestStep" VARCHAR(20),
    "lastTestReason" VARCHAR(40),
    "lastTestDetail" VARCHAR(500),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Issuer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ValidationDelegation" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "domain" VARCHAR(253) NOT NULL,
    "label" VARCHAR(63) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "checkedAt" TIMESTAMPTZ(3),
    "verifiedAt" TIMESTAMPTZ(3),
    "seenTarget" VARCHAR(253),
    "checkFailure" VARCHAR(40),

    CONSTRAINT "ValidationDelegation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Issuer_name_key" ON "Issuer"("name");

-- CreateIndex
CREATE UNIQUE INDEX "ValidationDelegation_label_key" ON "ValidationDelegation"("label");

-- CreateIndex
CREATE INDEX "ValidationDelegation_verifiedAt_checkedAt_idx" ON "ValidationDelegation"("verifiedAt", "checkedAt");

-- CreateIndex
CREATE UNIQUE INDEX "ValidationDelegation_ownerId_domain_key" ON "ValidationDelegation"("ownerId", "domain");

-- CreateIndex
CREATE INDEX "Certificate_issuerId_idx" ON "Certificate"("issuerId");

-- CreateIndex
CREATE INDEX "DnsRecord_certificateId_idx" ON "DnsRecord"("certificateId");

-- CreateIndex
CREATE INDEX "DnsRecord_state_nextAttemptAt_idx" ON "DnsRecord"("state", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "HostedZone_delegationStatus_delegationCheckedAt_idx" ON "HostedZone"("delegationStatus", "delegationCheckedAt");

-- CreateIndex
CREATE INDEX "Price_issuerId_idx" ON "Price"("issuerId");

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_issuerId_fkey" FOREIGN KEY ("issuerId") REFERENCES "Issuer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Price" ADD CONSTRAINT "Price_issuerId_fkey" FOREIGN KEY ("issuerId") REFERENCES "Issuer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DnsRecord" ADD CONSTRAINT "DnsRecord_certificateId_fkey" FOREIGN KEY ("certificateId") REFERENCES "Certificate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ValidationDelegation" ADD CONSTRAINT "ValidationDelegation_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Records made before this migration were written by the demo DNS, whose rows are the
-- DNS itself: they are in place. Each is linked to the certificate whose token it holds
-- (same owner), so it is removed once that certificate no longer waits for validation.
UPDATE "DnsRecord" SET "state" = 'PUBLISHED';
UPDATE "DnsRecord" r SET "certificateId" = c.id
  FROM "HostedZone" z, "Certificate" c
 WHERE z.id = r."zoneId" AND c."ownerId" = z."ownerId" AND c."validationRecordValue" = r.value;

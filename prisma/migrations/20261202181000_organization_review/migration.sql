-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "CertificateStatus" ADD VALUE 'PENDING_LETTER_UPLOAD';
ALTER TYPE "CertificateStatus" ADD VALUE 'ORGANIZATION_REVIEW';
ALTER TYPE "CertificateStatus" ADD VALUE 'ORGANIZATION_REJECTED';

-- CreateTable
CREATE TABLE "OrganizationReview" (
    "id" TEXT NOT NULL,
    "certificateId" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "companyName" VARCHAR(200) NOT NULL,
    "country" VARCHAR(2) NOT NULL,
    "locality" VARCHAR(128) NOT NULL,
    "address" VARCHAR(300) NOT NULL,
    "companyPhone" VARCHAR(40) NOT NULL,
    "registrationNumber" VARCHAR(64),
    "contactName" VARCHAR(100) NOT NULL,
    "contactEmail" VARCHAR(254) NOT NULL,
    "contactPhone" VARCHAR(40) NOT NULL,
    "letter" BYTEA,
    "letterType" VARCHAR(10),
    "letterBytes" INTEGER,
    "letterUploadedAt" TIMESTAMPTZ(3),
    "submittedAt" TIMESTAMPTZ(3) NOT NULL,
    "reviewedAt" TIMESTAMPTZ(3),
    "reviewerId" TEXT,
    "rejectionReason" VARCHAR(500),

    CONSTRAINT "OrganizationReview_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "OrganizationReview_certificateId_key" ON "OrganizationReview"("certificateId");

-- CreateIndex
CREATE INDEX "OrganizationReview_ownerId_idx" ON "OrganizationReview"("ownerId");

-- AddForeignKey
ALTER TABLE "OrganizationReview" ADD CONSTRAINT "OrganizationReview_certificateId_fkey" FOREIGN KEY ("certificateId") REFERENCES "Certificate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganizationReview" ADD CONSTRAINT "OrganizationReview_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

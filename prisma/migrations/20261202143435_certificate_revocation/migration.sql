-- CreateEnum
CREATE TYPE "RevocationReason" AS ENUM ('UNSPECIFIED', 'KEY_COMPROMISE', 'AFFILIATION_CHANGED', 'SUPERSEDED', 'CESSATION_OF_OPERATION');

-- AlterTable
ALTER TABLE "Certificate" ADD COLUMN     "revocationReason" "RevocationReason",
ADD COLUMN     "revokedAt" TIMESTAMPTZ(3);

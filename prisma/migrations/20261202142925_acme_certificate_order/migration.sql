-- AlterTable
ALTER TABLE "Certificate" ADD COLUMN     "acmeAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "acmeFailureDetail" VARCHAR(500),
ADD COLUMN     "acmeFailureReason" VARCHAR(40),
ADD COLUMN     "acmeNextAttemptAt" TIMESTAMPTZ(3),
ADD COLUMN     "acmeOrder" JSONB;

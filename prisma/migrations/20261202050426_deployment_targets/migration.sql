-- CreateEnum
CREATE TYPE "DeploymentTargetKind" AS ENUM ('SSH', 'WEBHOOK');

-- CreateEnum
CREATE TYPE "SshAuthKind" AS ENUM ('PASSWORD', 'PRIVATE_KEY');

-- CreateEnum
CREATE TYPE "TargetDeploymentTrigger" AS ENUM ('MANUAL', 'RENEWAL');

-- CreateEnum
CREATE TYPE "TargetDeploymentStatus" AS ENUM ('PENDING', 'RUNNING', 'DEPLOYED', 'ROLLED_BACK', 'FAILED', 'NEEDS_ATTENTION');

-- CreateEnum
CREATE TYPE "DeploymentVerificationStatus" AS ENUM ('SERVING', 'NOT_SERVING');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'CERTIFICATE_DEPLOYED';
ALTER TYPE "NotificationKind" ADD VALUE 'DEPLOYMENT_NOT_SERVING';
ALTER TYPE "NotificationKind" ADD VALUE 'DEPLOYMENT_FAILED';

-- CreateTable
CREATE TABLE "DeploymentTarget" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "kind" "DeploymentTargetKind" NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "sshHost" VARCHAR(253),
    "sshPort" INTEGER,
    "sshUsername" VARCHAR(64),
    "sshAuthKind" "SshAuthKind",
    "credentialsEncrypted" TEXT,
    "hostKeyType" VARCHAR(40),
    "hostKeyFingerprint" VARCHAR(60),
    "files" JSONB NOT NULL DEFAULT '[]',
    "reloadCommand" VARCHAR(1000),
    "autoRollback" BOOLEAN NOT NULL DEFAULT true,
    "webhookUrl" VARCHAR(500),
    "includePrivateKey" BOOLEAN NOT NULL DEFAULT false,
    "webhookSecretEncrypted" TEXT,
    "endpoints" JSONB NOT NULL DEFAULT '[]',
    "certificateId" TEXT,
    "busyUntil" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "DeploymentTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TargetDeployment" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "certificateId" TEXT NOT NULL,
    "previousCertificateId" TEXT,
    "trigger" "TargetDeploymentTrigger" NOT NULL,
    "actorId" TEXT,
    "status" "TargetDeploymentStatus" NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3),
    "failureReason" VARCHAR(40),
    "failureMessage" VARCHAR(1000),
    "log" JSONB NOT NULL DEFAULT '[]',
    "record" JSONB,
    "verificationStatus" "DeploymentVerificationStatus",
    "verification" JSONB,
    "verifiedAt" TIMESTAMPTZ(3),
    "rolledBackAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "TargetDeployment_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "DeploymentTarget_ownerId_createdAt_idx" ON "DeploymentTarget"("ownerId", "createdAt");

-- CreateIndex
CREATE INDEX "DeploymentTarget_certificateId_idx" ON "DeploymentTarget"("certificateId");

-- CreateIndex
CREATE INDEX "TargetDeployment_ownerId_createdAt_idx" ON "TargetDeployment"("ownerId", "createdAt");

-- CreateIndex
CREATE INDEX "TargetDeployment_targetId_createdAt_idx" ON "TargetDeployment"("targetId", "createdAt");

-- CreateIndex
CREATE INDEX "TargetDeployment_certificateId_idx" ON "TargetDeployment"("certificateId");

-- CreateIndex
CREATE INDEX "TargetDeployment_previousCertificateId_idx" ON "TargetDeployment"("previousCertificateId");

-- CreateIndex
CREATE INDEX "TargetDeployment_status_nextAttemptAt_idx" ON "TargetDeployment"("status", "nextAttemptAt");

-- AddForeignKey
ALTER TABLE "DeploymentTarget" ADD CONSTRAINT "DeploymentTarget_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeploymentTarget" ADD CONSTRAINT "DeploymentTarget_certificateId_fkey" FOREIGN KEY ("certificateId") REFERENCES "Certificate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TargetDeployment" ADD CONSTRAINT "TargetDeployment_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TargetDeployment" ADD CONSTRAINT "TargetDeployment_targetId_fkey" FOREIGN KEY ("targetId") REFERENCES "DeploymentTarget"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TargetDeployment" ADD CONSTRAINT "TargetDeployment_certificateId_fkey" FOREIGN KEY ("certificateId") REFERENCES "Certificate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TargetDeployment" ADD CONSTRAINT "TargetDeployment_previousCertificateId_fkey" FOREIGN KEY ("previousCertificateId") REFERENCES "Certificate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Written by hand (schema.prisma cannot say it; lib/deployment-targets/deployment-target-constraints.int.test.ts):
-- each kind of target has what deploying to it needs, its secrets included.
ALTER TABLE "DeploymentTarget" ADD CONSTRAINT "DeploymentTarget_ssh_complete" CHECK (
  "kind" <> 'SSH' OR (
    "sshHost" IS NOT NULL AND "sshPort" BETWEEN 1 AND 65535 AND "sshUsername" IS NOT NULL
    AND "sshAuthKind" IS NOT NULL AND "credentialsEncrypted" IS NOT NULL
    AND "hostKeyType" IS NOT NULL AND "hostKeyFingerprint" IS NOT NULL AND "reloadCommand" IS NOT NULL
  )
);
ALTER TABLE "DeploymentTarget" ADD CONSTRAINT "DeploymentTarget_webhook_complete" CHECK (
  "kind" <> 'WEBHOOK' OR ("webhookUrl" IS NOT NULL AND "webhookSecretEncrypted" IS NOT NULL)
);

-- One automatic deployment per target and certificate: overlapping renewal job runs that both
-- find a renewal to deploy create it once.
CREATE UNIQUE INDEX "TargetDeployment_one_automatic_per_target" ON "TargetDeployment"("targetId", "certificateId")
  WHERE "trigger" = 'RENEWAL';

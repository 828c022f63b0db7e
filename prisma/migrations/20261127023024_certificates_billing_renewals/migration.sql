-- CreateEnum
CREATE TYPE "CertificateType" AS ENUM ('DV', 'OV', 'EV');

-- CreateEnum
CREATE TYPE "DomainType" AS ENUM ('SINGLE', 'MULTI', 'WILDCARD');

-- CreateEnum
CREATE TYPE "CertificateSource" AS ENUM ('PURCHASED', 'FREE', 'UPLOADED');

-- CreateEnum
CREATE TYPE "CertificateStatus" AS ENUM ('PENDING_VALIDATION', 'ISSUED', 'VALIDATION_FAILED', 'DNS_RECORD_ADDED', 'CANCELED', 'REVOKED', 'REFUNDED');

-- CreateEnum
CREATE TYPE "AutoRenewState" AS ENUM ('OFF', 'ON', 'TERMINATED');

-- CreateEnum
CREATE TYPE "AutoRenewEndReason" AS ENUM ('INSUFFICIENT_BALANCE', 'EXPIRED_BEFORE_DEDUCTION', 'VALIDATION_TIMED_OUT', 'NOT_ELIGIBLE');

-- CreateEnum
CREATE TYPE "ValidationMethod" AS ENUM ('DNS_AUTO', 'DNS', 'FILE');

-- CreateEnum
CREATE TYPE "KeyAlgorithm" AS ENUM ('RSA_2048', 'ECDSA_P256');

-- CreateEnum
CREATE TYPE "LedgerKind" AS ENUM ('TOP_UP', 'RENEWAL_DEDUCTION', 'MANUAL_RENEWAL', 'REFUND', 'ADMIN_CREDIT', 'ADMIN_DEBIT');

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('PENDING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "RenewalTrigger" AS ENUM ('AUTO', 'MANUAL');

-- CreateEnum
CREATE TYPE "RenewalOrderStatus" AS ENUM ('PENDING_VALIDATION', 'ISSUED', 'TIMED_OUT');

-- CreateEnum
CREATE TYPE "CloudResourceType" AS ENUM ('CLB', 'CDN', 'WAF', 'API_GATEWAY', 'LIVE', 'COS');

-- CreateEnum
CREATE TYPE "DeploymentResult" AS ENUM ('SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "JobRunStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('EXPIRY_REMINDER', 'BALANCE_WARNING', 'RENEWAL_DEDUCTED', 'AUTO_RENEW_TERMINATED', 'VALIDATION_RECORD_NEEDED', 'RENEWAL_ISSUED', 'VALIDATION_TIMED_OUT', 'RESOURCES_UPDATED');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'SENT', 'FAILED', 'SKIPPED');

-- CreateEnum
CREATE TYPE "CertificateAuthorityKind" AS ENUM ('ROOT', 'INTERMEDIATE');

-- CreateTable
CREATE TABLE "Certificate" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "alias" VARCHAR(100),
    "tags" TEXT[],
    "brand" VARCHAR(40) NOT NULL,
    "certificateType" "CertificateType" NOT NULL,
    "domainType" "DomainType" NOT NULL,
    "domain" VARCHAR(253) NOT NULL,
    "sans" TEXT[],
    "source" "CertificateSource" NOT NULL,
    "validityYears" INTEGER NOT NULL DEFAULT 1,
    "status" "CertificateStatus" NOT NULL,
    "notBefore" TIMESTAMPTZ(3),
    "expiresAt" TIMESTAMPTZ(3),
    "issuedAt" TIMESTAMPTZ(3),
    "autoRenewState" "AutoRenewState" NOT NULL DEFAULT 'OFF',
    "autoRenewChangedAt" TIMESTAMPTZ(3),
    "autoRenewEndReason" "AutoRenewEndReason",
    "autoUpdateResources" BOOLEAN NOT NULL DEFAULT false,
    "ignoreNotifications" BOOLEAN NOT NULL DEFAULT false,
    "renewsId" TEXT,
    "validationMethod" "ValidationMethod",
    "validationRecordName" VARCHAR(300),
    "validationRecordValue" VARCHAR(200),
    "validationDeadline" TIMESTAMPTZ(3),
    "validationCheckedAt" TIMESTAMPTZ(3),
    "validatedAt" TIMESTAMPTZ(3),
    "keyAlgorithm" "KeyAlgorithm",
    "serialNumber" VARCHAR(64),
    "fingerprintSha256" VARCHAR(64),
    "certificatePem" TEXT,
    "chainPem" TEXT,
    "privateKeyEncrypted" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Certificate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Price" (
    "id" TEXT NOT NULL,
    "brand" VARCHAR(40) NOT NULL,
    "certificateType" "CertificateType" NOT NULL,
    "domainType" "DomainType" NOT NULL,
    "validityYears" INTEGER NOT NULL DEFAULT 1,
    "priceMinor" INTEGER NOT NULL,
    "currency" VARCHAR(3) NOT NULL DEFAULT 'USD',
    "autoRenewSupported" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Price_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "kind" "LedgerKind" NOT NULL,
    "amountMinor" INTEGER NOT NULL,
    "balanceAfterMinor" INTEGER NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "idempotencyKey" VARCHAR(200) NOT NULL,
    "certificateId" TEXT,
    "renewalOrderId" TEXT,
    "paymentId" TEXT,
    "actorId" TEXT,
    "note" VARCHAR(500),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "provider" VARCHAR(40) NOT NULL,
    "providerReference" VARCHAR(200),
    "amountMinor" INTEGER NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "status" "PaymentStatus" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" TIMESTAMPTZ(3),

    CONSTRAINT "Payment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RenewalOrder" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "certificateId" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL DEFAULT 1,
    "trigger" "RenewalTrigger" NOT NULL,
    "status" "RenewalOrderStatus" NOT NULL,
    "priceMinor" INTEGER NOT NULL,
    "currency" VARCHAR(3) NOT NULL,
    "newCertificateId" TEXT NOT NULL,
    "jobRunId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "issuedAt" TIMESTAMPTZ(3),
    "endedAt" TIMESTAMPTZ(3),

    CONSTRAINT "RenewalOrder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HostedZone" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "name" VARCHAR(253) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HostedZone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DnsRecord" (
    "id" TEXT NOT NULL,
    "zoneId" TEXT NOT NULL,
    "name" VARCHAR(300) NOT NULL,
    "type" VARCHAR(10) NOT NULL,
    "value" VARCHAR(500) NOT NULL,
    "ttl" INTEGER NOT NULL DEFAULT 600,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DnsRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CloudResource" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "type" "CloudResourceType" NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "region" VARCHAR(40) NOT NULL,
    "certificateId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CloudResource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Deployment" (
    "id" TEXT NOT NULL,
    "resourceId" TEXT NOT NULL,
    "fromCertificateId" TEXT,
    "toCertificateId" TEXT NOT NULL,
    "actorId" TEXT,
    "result" "DeploymentResult" NOT NULL,
    "message" VARCHAR(500),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Deployment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobRun" (
    "id" TEXT NOT NULL,
    "trigger" VARCHAR(20) NOT NULL,
    "triggeredById" TEXT,
    "status" "JobRunStatus" NOT NULL DEFAULT 'RUNNING',
    "clockNow" TIMESTAMPTZ(3) NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL,
    "heartbeatAt" TIMESTAMPTZ(3) NOT NULL,
    "finishedAt" TIMESTAMPTZ(3),
    "counts" JSONB NOT NULL DEFAULT '{}',
    "errors" JSONB NOT NULL DEFAULT '[]',
    "currentStep" VARCHAR(40),

    CONSTRAINT "JobRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "certificateId" TEXT,
    "dedupeKey" VARCHAR(200) NOT NULL,
    "params" JSONB NOT NULL DEFAULT '{}',
    "readAt" TIMESTAMPTZ(3),
    "emailStatus" "DeliveryStatus" NOT NULL DEFAULT 'SKIPPED',
    "emailSentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotificationSettings" (
    "ownerId" TEXT NOT NULL,
    "reminderDays" INTEGER[] DEFAULT ARRAY[30, 15, 7, 3, 1, 0]::INTEGER[],
    "inApp" BOOLEAN NOT NULL DEFAULT true,
    "email" BOOLEAN NOT NULL DEFAULT true,
    "webhookUrl" VARCHAR(500),
    "webhookSecretEncrypted" TEXT,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "NotificationSettings_pkey" PRIMARY KEY ("ownerId")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "notificationId" TEXT NOT NULL,
    "url" VARCHAR(500) NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3),
    "responseStatus" INTEGER,
    "lastError" VARCHAR(500),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMPTZ(3),

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CertificateAuthority" (
    "id" TEXT NOT NULL,
    "key" VARCHAR(80) NOT NULL,
    "kind" "CertificateAuthorityKind" NOT NULL,
    "brand" VARCHAR(40),
    "subject" VARCHAR(300) NOT NULL,
    "certificatePem" TEXT NOT NULL,
    "privateKeyEncrypted" TEXT NOT NULL,
    "notBefore" TIMESTAMPTZ(3) NOT NULL,
    "notAfter" TIMESTAMPTZ(3) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CertificateAuthority_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Certificate_ownerId_expiresAt_idx" ON "Certificate"("ownerId", "expiresAt");

-- CreateIndex
CREATE INDEX "Certificate_ownerId_createdAt_idx" ON "Certificate"("ownerId", "createdAt");

-- CreateIndex
CREATE INDEX "Certificate_autoRenewState_expiresAt_idx" ON "Certificate"("autoRenewState", "expiresAt");

-- CreateIndex
CREATE INDEX "Certificate_status_validationDeadline_idx" ON "Certificate"("status", "validationDeadline");

-- CreateIndex
CREATE INDEX "Certificate_renewsId_idx" ON "Certificate"("renewsId");

-- CreateIndex
CREATE UNIQUE INDEX "Price_brand_certificateType_domainType_validityYears_key" ON "Price"("brand", "certificateType", "domainType", "validityYears");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerEntry_idempotencyKey_key" ON "LedgerEntry"("idempotencyKey");

-- CreateIndex
CREATE INDEX "LedgerEntry_accountId_createdAt_idx" ON "LedgerEntry"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "LedgerEntry_certificateId_idx" ON "LedgerEntry"("certificateId");

-- CreateIndex
CREATE INDEX "LedgerEntry_renewalOrderId_idx" ON "LedgerEntry"("renewalOrderId");

-- CreateIndex
CREATE INDEX "Payment_accountId_createdAt_idx" ON "Payment"("accountId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_provider_providerReference_key" ON "Payment"("provider", "providerReference");

-- CreateIndex
CREATE UNIQUE INDEX "RenewalOrder_newCertificateId_key" ON "RenewalOrder"("newCertificateId");

-- CreateIndex
CREATE INDEX "RenewalOrder_ownerId_createdAt_idx" ON "RenewalOrder"("ownerId", "createdAt");

-- CreateIndex
CREATE INDEX "RenewalOrder_status_idx" ON "RenewalOrder"("status");

-- CreateIndex
CREATE UNIQUE INDEX "RenewalOrder_certificateId_attempt_key" ON "RenewalOrder"("certificateId", "attempt");

-- CreateIndex
CREATE UNIQUE INDEX "HostedZone_name_key" ON "HostedZone"("name");

-- CreateIndex
CREATE INDEX "HostedZone_ownerId_idx" ON "HostedZone"("ownerId");

-- CreateIndex
CREATE INDEX "DnsRecord_name_type_idx" ON "DnsRecord"("name", "type");

-- CreateIndex
CREATE UNIQUE INDEX "DnsRecord_zoneId_name_type_value_key" ON "DnsRecord"("zoneId", "name", "type", "value");

-- CreateIndex
CREATE INDEX "CloudResource_ownerId_idx" ON "CloudResource"("ownerId");

-- CreateIndex
CREATE INDEX "CloudResource_certificateId_idx" ON "CloudResource"("certificateId");

-- CreateIndex
CREATE INDEX "Deployment_resourceId_createdAt_idx" ON "Deployment"("resourceId", "createdAt");

-- CreateIndex
CREATE INDEX "Deployment_toCertificateId_idx" ON "Deployment"("toCertificateId");

-- CreateIndex
CREATE INDEX "JobRun_startedAt_idx" ON "JobRun"("startedAt");

-- CreateIndex
CREATE INDEX "JobRun_status_idx" ON "JobRun"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_dedupeKey_key" ON "Notification"("dedupeKey");

-- CreateIndex
CREATE INDEX "Notification_ownerId_createdAt_idx" ON "Notification"("ownerId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_ownerId_readAt_idx" ON "Notification"("ownerId", "readAt");

-- CreateIndex
CREATE INDEX "Notification_emailStatus_idx" ON "Notification"("emailStatus");

-- CreateIndex
CREATE INDEX "WebhookDelivery_status_nextAttemptAt_idx" ON "WebhookDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_notificationId_url_key" ON "WebhookDelivery"("notificationId", "url");

-- CreateIndex
CREATE UNIQUE INDEX "CertificateAuthority_key_key" ON "CertificateAuthority"("key");

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_renewsId_fkey" FOREIGN KEY ("renewsId") REFERENCES "Certificate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "BillingAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_certificateId_fkey" FOREIGN KEY ("certificateId") REFERENCES "Certificate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_renewalOrderId_fkey" FOREIGN KEY ("renewalOrderId") REFERENCES "RenewalOrder"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "BillingAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RenewalOrder" ADD CONSTRAINT "RenewalOrder_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RenewalOrder" ADD CONSTRAINT "RenewalOrder_certificateId_fkey" FOREIGN KEY ("certificateId") REFERENCES "Certificate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RenewalOrder" ADD CONSTRAINT "RenewalOrder_newCertificateId_fkey" FOREIGN KEY ("newCertificateId") REFERENCES "Certificate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HostedZone" ADD CONSTRAINT "HostedZone_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DnsRecord" ADD CONSTRAINT "DnsRecord_zoneId_fkey" FOREIGN KEY ("zoneId") REFERENCES "HostedZone"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CloudResource" ADD CONSTRAINT "CloudResource_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CloudResource" ADD CONSTRAINT "CloudResource_certificateId_fkey" FOREIGN KEY ("certificateId") REFERENCES "Certificate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deployment" ADD CONSTRAINT "Deployment_resourceId_fkey" FOREIGN KEY ("resourceId") REFERENCES "CloudResource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deployment" ADD CONSTRAINT "Deployment_fromCertificateId_fkey" FOREIGN KEY ("fromCertificateId") REFERENCES "Certificate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Deployment" ADD CONSTRAINT "Deployment_toCertificateId_fkey" FOREIGN KEY ("toCertificateId") REFERENCES "Certificate"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_certificateId_fkey" FOREIGN KEY ("certificateId") REFERENCES "Certificate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NotificationSettings" ADD CONSTRAINT "NotificationSettings_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_notificationId_fkey" FOREIGN KEY ("notificationId") REFERENCES "Notification"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Invariants schema.prisma cannot express; kept in the database so no code path can break them.
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_balance_after_not_negative" CHECK ("balanceAfterMinor" >= 0);
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_amount_not_zero" CHECK ("amountMinor" <> 0);
ALTER TABLE "Price" ADD CONSTRAINT "Price_not_negative" CHECK ("priceMinor" >= 0);
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_amount_positive" CHECK ("amountMinor" > 0);
ALTER TABLE "RenewalOrder" ADD CONSTRAINT "RenewalOrder_price_not_negative" CHECK ("priceMinor" >= 0);

-- The audit log is append-only.
CREATE FUNCTION "certdesk_audit_log_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditLog is append-only (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER "AuditLog_append_only" BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "certdesk_audit_log_append_only"();
CREATE TRIGGER "AuditLog_no_truncate" BEFORE TRUNCATE ON "AuditLog"
  FOR EACH STATEMENT EXECUTE FUNCTION "certdesk_audit_log_append_only"();

-- DropForeignKey
ALTER TABLE "BillingAccount" DROP CONSTRAINT "BillingAccount_ownerId_fkey";

-- DropForeignKey
ALTER TABLE "LedgerEntry" DROP CONSTRAINT "LedgerEntry_accountId_fkey";

-- DropForeignKey
ALTER TABLE "Payment" DROP CONSTRAINT "Payment_accountId_fkey";

-- DropForeignKey
ALTER TABLE "RenewalOrder" DROP CONSTRAINT "RenewalOrder_certificateId_fkey";

-- DropForeignKey
ALTER TABLE "RenewalOrder" DROP CONSTRAINT "RenewalOrder_newCertificateId_fkey";

-- DropForeignKey
ALTER TABLE "RenewalOrder" DROP CONSTRAINT "RenewalOrder_ownerId_fkey";

-- CreateIndex
CREATE INDEX "Deployment_fromCertificateId_idx" ON "Deployment"("fromCertificateId");

-- CreateIndex
CREATE INDEX "LedgerEntry_paymentId_idx" ON "LedgerEntry"("paymentId");

-- CreateIndex
CREATE INDEX "Notification_certificateId_idx" ON "Notification"("certificateId");

-- CreateIndex
CREATE INDEX "SignInAttempt_userId_idx" ON "SignInAttempt"("userId");

-- AddForeignKey
ALTER TABLE "BillingAccount" ADD CONSTRAINT "BillingAccount_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "BillingAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "BillingAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RenewalOrder" ADD CONSTRAINT "RenewalOrder_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RenewalOrder" ADD CONSTRAINT "RenewalOrder_certificateId_fkey" FOREIGN KEY ("certificateId") REFERENCES "Certificate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RenewalOrder" ADD CONSTRAINT "RenewalOrder_newCertificateId_fkey" FOREIGN KEY ("newCertificateId") REFERENCES "Certificate"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Invariants schema.prisma cannot express; kept in the database so no code path can break them.

-- A ledger entry's sign follows its kind: credits add to the balance, debits take from it.
-- A kind added to LedgerKind later is refused here until its sign is decided.
ALTER TABLE "LedgerEntry" ADD CONSTRAINT "LedgerEntry_sign_matches_kind" CHECK (
  ("kind" IN ('TOP_UP', 'REFUND', 'ADMIN_CREDIT') AND "amountMinor" > 0)
  OR ("kind" IN ('RENEWAL_DEDUCTION', 'MANUAL_RENEWAL', 'ADMIN_DEBIT') AND "amountMinor" < 0)
);

-- At most one paid renewal (pending validation or issued: PAID_RENEWAL_STATUSES in
-- lib/renewal/renewal-under-way.ts) per certificate, whichever attempt it is.
CREATE UNIQUE INDEX "RenewalOrder_one_paid_per_certificate" ON "RenewalOrder"("certificateId")
  WHERE "status" IN ('PENDING_VALIDATION', 'ISSUED');

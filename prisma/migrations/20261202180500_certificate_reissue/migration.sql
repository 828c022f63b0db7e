-- AlterTable
ALTER TABLE "Certificate" ADD COLUMN     "reissuesId" TEXT;

-- CreateIndex
CREATE INDEX "Certificate_reissuesId_idx" ON "Certificate"("reissuesId");

-- AddForeignKey
ALTER TABLE "Certificate" ADD CONSTRAINT "Certificate_reissuesId_fkey" FOREIGN KEY ("reissuesId") REFERENCES "Certificate"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- At most one reissue in progress per certificate (PENDING_STATUSES in
-- lib/issuance/pending-statuses.ts): a second request, however concurrent, fails here.
CREATE UNIQUE INDEX "Certificate_one_pending_reissue" ON "Certificate"("reissuesId")
  WHERE "status" IN ('PENDING_VALIDATION', 'DNS_RECORD_ADDED');

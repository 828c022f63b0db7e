-- CreateTable
CREATE TABLE "ApiCertificateDraft" (
    "id" VARCHAR(12) NOT NULL,
    "ownerId" TEXT NOT NULL,
    "idempotencyKey" VARCHAR(64) NOT NULL,
    "productId" TEXT NOT NULL,
    "domainCount" INTEGER NOT NULL,
    "submission" JSONB,
    "submittedAt" TIMESTAMPTZ(3),
    "orderedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ApiCertificateDraft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ApiCertificateDraft_ownerId_orderedAt_idx" ON "ApiCertificateDraft"("ownerId", "orderedAt");

-- CreateIndex
CREATE INDEX "ApiCertificateDraft_productId_idx" ON "ApiCertificateDraft"("productId");

-- CreateIndex
CREATE UNIQUE INDEX "ApiCertificateDraft_ownerId_idempotencyKey_key" ON "ApiCertificateDraft"("ownerId", "idempotencyKey");

-- AddForeignKey
ALTER TABLE "ApiCertificateDraft" ADD CONSTRAINT "ApiCertificateDraft_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiCertificateDraft" ADD CONSTRAINT "ApiCertificateDraft_productId_fkey" FOREIGN KEY ("productId") REFERENCES "Price"("id") ON DELETE CASCADE ON UPDATE CASCADE;

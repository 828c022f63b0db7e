-- CreateIndex
CREATE INDEX "Certificate_ownerId_brand_idx" ON "Certificate"("ownerId", "brand");

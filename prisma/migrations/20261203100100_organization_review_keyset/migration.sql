-- CreateIndex
CREATE INDEX "OrganizationReview_submittedAt_id_idx" ON "OrganizationReview"("submittedAt", "id");

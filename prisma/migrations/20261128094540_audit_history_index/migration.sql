-- CreateIndex
CREATE INDEX "AuditEvent_articleId_id_idx" ON "AuditEvent"("articleId", "id");

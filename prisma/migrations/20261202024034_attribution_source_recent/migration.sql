-- DropIndex
DROP INDEX "Attribution_sourceId_idx";

-- CreateIndex
CREATE INDEX "Attribution_sourceId_createdAt_idx" ON "Attribution"("sourceId", "createdAt");

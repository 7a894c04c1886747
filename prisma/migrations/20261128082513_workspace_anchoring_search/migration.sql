-- Trigram search over claim text and source names (pg_trgm is a trusted extension: no superuser needed).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "orphaned" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "prefix" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "suffix" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "RejectedSuggestion" (
    "id" UUID NOT NULL,
    "articleId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "actorId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RejectedSuggestion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RejectedSuggestion_articleId_key_key" ON "RejectedSuggestion"("articleId", "key");

-- CreateIndex
CREATE INDEX "Claim_text_trgm_idx" ON "Claim" USING GIN ("text" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Source_name_trgm_idx" ON "Source" USING GIN ("name" gin_trgm_ops);

-- AddForeignKey
ALTER TABLE "RejectedSuggestion" ADD CONSTRAINT "RejectedSuggestion_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('woman', 'man', 'nonbinary', 'unknown');

-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "approvedAt" TIMESTAMP(3),
ADD COLUMN     "publicId" TEXT;

-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "attributes" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "gender" "Gender" NOT NULL DEFAULT 'unknown';

-- CreateIndex
CREATE UNIQUE INDEX "Article_publicId_key" ON "Article"("publicId");

-- Articles approved before this migration: their last approval, from the audit log.
UPDATE "Article" ar SET "approvedAt" = (
  SELECT max(e."createdAt") FROM "AuditEvent" e
  WHERE e.entity = 'article' AND e."entityId" = ar.id::text AND e.after->>'status' = 'approved')
WHERE ar.status = 'approved';

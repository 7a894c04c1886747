-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "author" TEXT,
ADD COLUMN     "desk" TEXT;

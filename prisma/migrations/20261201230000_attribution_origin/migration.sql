-- CreateEnum
CREATE TYPE "AttributionOrigin" AS ENUM ('manual', 'suggestion');

-- AlterTable
ALTER TABLE "Attribution" ADD COLUMN     "confidence" DOUBLE PRECISION,
ADD COLUMN     "origin" "AttributionOrigin" NOT NULL DEFAULT 'manual';

-- Accepted suggestions used to say so in their note ("Accepted suggestion (confidence 0.85)"): move
-- that into the new fields, so exports and reports no longer carry it as the editor's note.
UPDATE "Attribution"
SET "origin" = 'suggestion',
    "confidence" = substring("note" from '^Accepted suggestion \(confidence ([0-9.]+)\)$')::double precision,
    "note" = NULL
WHERE "note" ~ '^Accepted suggestion \(confidence [0-9.]+\)$';

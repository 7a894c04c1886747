import { ANONYMOUS_ONLY } from "@/lib/claims/filter-sql";
import { db } from "@/lib/db";
import type { SourceType } from "@/lib/generated/prisma/enums";
import { buildCard, type CardRows, type TransparencyCard } from "./build-card";
import { publicIdSchema } from "./public-id";

/**
 * The public card of an approved article, or null (unknown, revoked, or not approved: all 404).
 * Every query names the columns it reads: nothing private (notes, review comments, who edited,
 * identityKnownToNewsroom) is ever selected, so nothing private can leak into the card by accident.
 * One REPEATABLE READ snapshot, so the figures and the lists always describe the same state.
 */
export async function loadCard(publicId: string): Promise<TransparencyCard | null> {
  if (!publicIdSchema.safeParse(publicId).success) return null;
  return db().$transaction(
    async (tx) => {
      const [article] = await tx.$queryRaw<CardRows["article"][]>`
        SELECT id, title, outlet, url, language, "publishedAt", "approvedAt", "publicId"
        FROM "Article" WHERE "publicId" = ${publicId} AND status = 'approved'`;
      if (!article) return null;
      // Orphaned claims are out: their words are no longer in the published text.
      const [claims] = await tx.$queryRaw<CardRows["claims"][]>`
        SELECT CAST(count(*) FILTER (WHERE c."sourceTypeMask" <> 0) AS int) AS attributed,
          CAST(count(*) FILTER (WHERE ${ANONYMOUS_ONLY}) AS int) AS "anonymousOnly",
          CAST(count(*) FILTER (WHERE c."secondHand") AS int) AS "secondHand"
        FROM "Claim" c WHERE c."articleId" = ${article.id}::uuid AND NOT c.orphaned`;
      const sources = await tx.$queryRaw<CardRows["sources"]>`
        SELECT CAST(s.type AS text) AS type, s.name, s.role, s.affiliation, s.count, s."anonymityReason" AS reason,
          CAST(count(DISTINCT a."claimId") AS int) AS claims
        FROM "Claim" c JOIN "Attribution" a ON a."claimId" = c.id JOIN "Source" s ON s.id = a."sourceId"
        WHERE c."articleId" = ${article.id}::uuid AND NOT c.orphaned
        GROUP BY s.id ORDER BY claims DESC, s.name, s.id`;
      const chains = await tx.$queryRaw<
        { type: SourceType; name: string; viaType: SourceType; viaName: string; claims: number }[]
      >`
        SELECT CAST(s.type AS text) AS type, s.name, CAST(v.type AS text) AS "viaType", v.name AS "viaName",
          CAST(count(DISTINCT a."claimId") AS int) AS claims
        FROM "Claim" c JOIN "Attribution" a ON a."claimId" = c.id
          JOIN "Source" s ON s.id = a."sourceId" JOIN "Source" v ON v.id = a."viaSourceId"
        WHERE c."articleId" = ${article.id}::uuid AND NOT c.orphaned
        GROUP BY s.id, v.id ORDER BY claims DESC, s.name, v.name, s.id, v.id`;
      return buildCard({ article, claims, sources, chains });
    },
    { isolationLevel: "RepeatableRead" },
  );
}

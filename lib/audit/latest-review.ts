import { db } from "@/lib/db";
import type { ArticleStatus } from "@/lib/generated/prisma/enums";

interface ReviewRow {
  from: ArticleStatus;
  status: ArticleStatus;
  transition: string;
  comment: string;
  reviewer: string | null;
  at: Date;
}

/**
 * The last status move of an article that came with a comment ("Send back": "C8 needs a second
 * source"), so the editor reads why without opening the history; null when none had one.
 */
export async function findLatestReview(articleId: string) {
  const rows = await db().$queryRaw<ReviewRow[]>`
    SELECT e.before->>'status' AS "from", e.after->>'status' AS status, e.after->>'transition' AS transition, e.after->>'comment' AS comment,
           u.name AS reviewer, e."createdAt" AS at
    FROM "AuditEvent" e LEFT JOIN "User" u ON u.id = e."actorId"
    WHERE e."articleId" = CAST(${articleId} AS uuid) AND e.entity = 'article' AND e."entityId" = ${articleId}
      AND e.after ? 'transition' AND coalesce(e.after->>'comment', '') <> ''
    ORDER BY e.id DESC LIMIT 1`;
  return rows[0] ?? null;
}
export type LatestReview = NonNullable<Awaited<ReturnType<typeof findLatestReview>>>;

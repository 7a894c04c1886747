import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { HistoryQuery } from "./schema";

/**
 * The audit events of one article, newest first, keyset-paginated by id (ids only grow, so a page
 * never repeats or skips an event while new ones are written). Events stay after the records they
 * describe are deleted; the article itself must still exist.
 */
export async function findHistory(articleId: string, query: HistoryQuery) {
  const article = await db().article.findUnique({ where: { id: articleId }, select: { id: true } });
  if (!article) throw notFound("Article");
  const rows = await db().auditEvent.findMany({
    where: { articleId, ...(query.cursor ? { id: { lt: query.cursor } } : {}) },
    orderBy: { id: "desc" },
    take: query.limit + 1,
    include: { actor: { select: { id: true, name: true, role: true } } },
  });
  const items = rows.slice(0, query.limit);
  return {
    items: items.map((e) => ({
      id: e.id.toString(),
      action: e.action,
      entity: e.entity,
      entityId: e.entityId,
      actor: e.actor,
      before: e.before,
      after: e.after,
      createdAt: e.createdAt,
    })),
    nextCursor: rows.length > query.limit ? items[items.length - 1].id.toString() : null,
  };
}

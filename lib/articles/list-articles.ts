import { afterCursor, keysetOrder, pageOf } from "@/lib/cursor";
import { db } from "@/lib/db";
import type { ListArticlesInput } from "./schema";

export async function listArticles(input: ListArticlesInput) {
  const rows = await db().article.findMany({
    where: {
      AND: [
        input.status ? { status: input.status } : {},
        input.q ? { OR: [{ title: { contains: input.q, mode: "insensitive" } }, { outlet: { contains: input.q, mode: "insensitive" } }] } : {},
        afterCursor(input.cursor),
      ],
    },
    orderBy: keysetOrder,
    take: input.limit + 1,
    select: {
      id: true, title: true, language: true, outlet: true, url: true, publishedAt: true, status: true, version: true,
      createdAt: true, updatedAt: true,
      _count: { select: { statements: true, claims: true } },
    },
  });
  const page = pageOf(rows, input.limit);
  return {
    items: page.items.map(({ _count, ...a }) => ({ ...a, counts: { statements: _count.statements, claims: _count.claims } })),
    nextCursor: page.nextCursor,
  };
}

import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { escapeLike } from "@/lib/like";
import { presentSource } from "@/lib/present";
import type { ListSourcesInput } from "./schema";

/** Sources matching a type and text; with `articleId`, those already used in that article come first. */
export async function listSources(input: ListSourcesInput) {
  const where = {
    ...(input.type ? { type: input.type } : {}),
    ...(input.q
      ? {
          OR: [
            // Prisma puts `contains` into ILIKE as it is: escaped, `q=%` no longer lists every source.
            { name: { contains: escapeLike(input.q), mode: "insensitive" as const } },
            { affiliation: { contains: escapeLike(input.q), mode: "insensitive" as const } },
          ],
        }
      : {}),
  };
  const inArticle = input.articleId
    ? {
        OR: [
          { attributions: { some: { claim: { articleId: input.articleId } } } },
          { viaAttributions: { some: { claim: { articleId: input.articleId } } } },
        ],
      }
    : null;
  const used = inArticle
    ? await db().source.findMany({ where: { AND: [where, inArticle] }, orderBy: { name: "asc" }, take: input.limit })
    : [];
  const others = await db().source.findMany({
    where: { AND: [where, { id: { notIn: used.map((s) => s.id) } }] },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: input.limit - used.length,
  });
  return {
    items: [
      ...used.map((s) => ({ ...presentSource(s), usedInArticle: true })),
      ...others.map((s) => ({ ...presentSource(s), usedInArticle: inArticle ? false : null })),
    ],
  };
}

export async function findSource(id: string) {
  const source = await db().source.findUnique({ where: { id } });
  if (!source) throw notFound("Source");
  return presentSource(source);
}

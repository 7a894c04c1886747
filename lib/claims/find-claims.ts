import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { afterKeys, keyColumns, keysetPage, orderByClause } from "@/lib/keyset";
import { presentClaim } from "@/lib/present";
import { claimCondition, unsourcedCondition } from "./filter-sql";
import { loadClaims } from "./load-claims";
import { CLAIM_ORDERINGS, STATEMENT_ORDERING } from "./orderings";
import type { FindClaimsInput } from "./schema";

const sql = Prisma.sql;

/**
 * The explorer's rows: claims matching the filters (`kind: "claim"`), or with `unsourced=true` the
 * sentences no attributed claim covers (`kind: "statement"`, no attributions). Keyset-paged.
 */
export async function findClaims(input: FindClaimsInput) {
  if (input.unsourced) return findUnsourcedStatements(input);
  const ordering = CLAIM_ORDERINGS[input.sort];
  const rows = await db().$queryRaw<{ id: string; articleId: string }[]>(claimPageQuery(input));
  const page = keysetPage(ordering, rows, input.limit);
  const [claims, articles] = await Promise.all([
    loadClaims(sql`c.id = ANY(CAST(${page.items.map((r) => r.id)} AS uuid[]))`),
    db().article.findMany({
      where: { id: { in: [...new Set(page.items.map((r) => r.articleId))] } },
      select: { id: true, body: true, title: true },
    }),
  ]);
  const byId = new Map(claims.map((c) => [c.id, c]));
  const articleById = new Map(articles.map((a) => [a.id, a]));
  return {
    // A claim deleted between the two reads is left out rather than failing the page.
    items: page.items
      .filter((r) => byId.has(r.id) && articleById.has(r.articleId))
      .map((r) => {
        const article = articleById.get(r.articleId)!;
        return { kind: "claim" as const, ...presentClaim(byId.get(r.id)!, article.body), articleTitle: article.title };
      }),
    nextCursor: page.nextCursor,
  };
}

/** One page of matching claim ids and their sort keys (exported for the benchmark's raw-SQL and EXPLAIN runs). */
export function claimPageQuery(input: FindClaimsInput): Prisma.Sql {
  const ordering = CLAIM_ORDERINGS[input.sort];
  return sql`
    SELECT c.id, c."articleId", ${keyColumns(ordering)} FROM "Claim" c
    WHERE ${claimCondition(input)} AND ${afterKeys(ordering, input.cursor)}
    ORDER BY ${orderByClause(ordering)} LIMIT ${input.limit + 1}`;
}

async function findUnsourcedStatements(input: FindClaimsInput) {
  const rows = await db().$queryRaw<
    { id: string; articleId: string; articleTitle: string; ordinal: number; start: number; end: number }[]
  >(sql`
    SELECT st.id, st."articleId", ar.title AS "articleTitle", st.ordinal, st.start, st."end", ${keyColumns(STATEMENT_ORDERING)}
    FROM "Statement" st JOIN "Article" ar ON ar.id = st."articleId"
    WHERE ${unsourcedCondition(input)} AND ${afterKeys(STATEMENT_ORDERING, input.cursor)}
    ORDER BY ${orderByClause(STATEMENT_ORDERING)} LIMIT ${input.limit + 1}`);
  const page = keysetPage(STATEMENT_ORDERING, rows, input.limit);
  const articles = await db().article.findMany({
    where: { id: { in: [...new Set(page.items.map((s) => s.articleId))] } },
    select: { id: true, body: true },
  });
  const bodies = new Map(articles.map((a) => [a.id, a.body]));
  return {
    items: page.items.map((s) => ({
      kind: "statement" as const,
      id: s.id,
      articleId: s.articleId,
      articleTitle: s.articleTitle,
      ordinal: s.ordinal,
      start: s.start,
      end: s.end,
      text: bodies.get(s.articleId)!.slice(s.start, s.end),
      attributions: [] as never[],
    })),
    nextCursor: page.nextCursor,
  };
}

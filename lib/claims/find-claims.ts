import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { afterKeys, keyColumns, keysetPage, orderByClause } from "@/lib/keyset";
import { readRows } from "@/lib/pg-pool";
import { presentClaim } from "@/lib/present";
import { claimPageQuery } from "./claim-page-query";
import { unsourcedCondition } from "./filter-sql";
import { CLAIM_COLUMNS, type ClaimRow, withAttributionDates } from "./load-claims";
import { CLAIM_ORDERINGS, STATEMENT_ORDERING } from "./orderings";
import type { FindClaimsInput } from "./schema";

export { claimPageQuery } from "./claim-page-query";

const sql = Prisma.sql;

/**
 * The explorer's rows: claims matching the filters (`kind: "claim"`), or with `unsourced=true` the
 * sentences no attributed claim covers (`kind: "statement"`, no attributions). Keyset-paged.
 */
export async function findClaims(input: FindClaimsInput) {
  if (input.unsourced) return findUnsourcedStatements(input);
  const ordering = CLAIM_ORDERINGS[input.sort];
  const rows = await readRows<ClaimRow & PageRow & Record<string, unknown>>(claimPageWithClaimsQuery(input));
  const page = keysetPage(ordering, rows, input.limit);
  const bodies = new Map(rows.filter((r) => r.articleBody !== null).map((r) => [r.articleId, r.articleBody!]));
  return {
    items: page.items.map((r) => {
      const { articleTitle, articleBody: _body, ...claim } = r;
      return {
        kind: "claim" as const,
        ...presentClaim(withAttributionDates(claim as unknown as ClaimRow), bodies.get(r.articleId as string)!),
        articleTitle: articleTitle as string,
      };
    }),
    nextCursor: page.nextCursor,
  };
}

interface PageRow {
  articleTitle: string;
  /** The article's text on the first of its claims in the page only (it can be long). */
  articleBody: string | null;
}

/**
 * The whole explorer page in one round trip: the page of matching claims (claimPageQuery, the
 * index walk), each with its attributions and sources, its article's title and, once per article,
 * the article's text for the cue and mention texts. Runs on node-postgres (lib/pg-pool.ts).
 */
export function claimPageWithClaimsQuery(input: FindClaimsInput): Prisma.Sql {
  const ordering = CLAIM_ORDERINGS[input.sort];
  return sql`
    WITH page AS MATERIALIZED (${claimPageQuery(input)})
    SELECT ${CLAIM_COLUMNS}, ${Prisma.join(
      ordering.keys.map((_, i) => Prisma.raw(`page.k${i}`)),
      ", ",
    )}, ar.title AS "articleTitle",
      CASE WHEN row_number() OVER (PARTITION BY c."articleId" ORDER BY c.id) = 1 THEN ar.body END AS "articleBody"
    FROM page JOIN "Claim" c ON c.id = page.id JOIN "Article" ar ON ar.id = c."articleId"
    ORDER BY ${orderByClause(ordering)}`;
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

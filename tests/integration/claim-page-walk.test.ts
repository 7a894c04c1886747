import { beforeAll, describe, expect, it } from "vitest";
import { claimPageQuery } from "@/lib/claims/claim-page-query";
import { claimCondition } from "@/lib/claims/filter-sql";
import { CLAIM_ORDERINGS } from "@/lib/claims/orderings";
import { type FindClaimsInput, findClaimsSchema } from "@/lib/claims/schema";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { afterKeys, keyColumns, keysetPage, orderByClause } from "@/lib/keyset";
import { readRows } from "@/lib/pg-pool";
import { makeUser } from "./helpers";
import { seedRafahGold } from "./seed-gold";

let articleIds: string[];

beforeAll(async () => {
  const editor = await makeUser("editor");
  articleIds = [];
  for (const published of ["2024-01-20", "2024-03-05", null]) {
    const { article } = await seedRafahGold(editor);
    // The article's date moves its claims' copies of it (a trigger): three months of claims.
    if (published) await db().article.update({ where: { id: article.id }, data: { publishedAt: new Date(published) } });
    articleIds.push(article.id);
  }
});

type PageRow = Record<string, unknown> & { id: string };

/** The page as one plain walk in the explorer's order: what every plan must return. */
function referenceQuery(input: FindClaimsInput) {
  const ordering = CLAIM_ORDERINGS[input.sort];
  return Prisma.sql`SELECT c.id, c."articleId", ${keyColumns(ordering)} FROM "Claim" c
    WHERE ${claimCondition(input)} AND ${afterKeys(ordering, input.cursor)}
    ORDER BY ${orderByClause(ordering)} LIMIT ${input.limit + 1}`;
}

/** Every page of a filter over the three articles, two claims a page. */
async function allPages(query: Record<string, string | string[]>, build: (input: FindClaimsInput) => Prisma.Sql) {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const input = findClaimsSchema.parse({
      ...query,
      articleId: articleIds,
      limit: "2",
      ...(cursor ? { cursor } : {}),
    });
    const page = keysetPage(CLAIM_ORDERINGS[input.sort], await readRows<PageRow>(build(input)), 2);
    pages.push(page.items.map((r) => r.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && pages.length < 30);
  return pages;
}

describe("the explorer's page query", () => {
  // A walk of one claim finds no full page (the other path: every match, then the first of them);
  // a walk of a million reads every claim (the walk's own page); a date range walks its months.
  const today = new Date().toISOString().slice(0, 10);
  const filters: Record<string, string | string[]>[] = [
    {},
    { sort: "oldest" },
    { mode: "direct_quote" },
    { sourceType: ["anonymous_group", "person"], via: "false" },
    { q: "the" },
    { q: "politico" },
    { affiliation: "Israeli government", sort: "oldest" },
    { reviewStatus: "pending", anonymous: "false" },
    { from: "2024-01-01", to: today },
    { from: "2024-01-25", to: "2024-03-05" },
    { from: "2024-02-01", sort: "oldest" },
    { to: "2024-03-31", mode: "paraphrase" },
    { from: "2024-01-20", to: "2024-01-20", sort: "article" },
    { from: "1900-01-01", to: "2999-12-31", sort: "oldest" },
  ];
  it.each(filters)("gives the plain walk's pages whichever plan finds them: %j", async (query) => {
    const expected = await allPages(query, referenceQuery);
    expect(expected.flat().length).toBeGreaterThan(0);
    expect(await allPages(query, (input) => claimPageQuery(input, 1_000_000))).toEqual(expected);
    expect(await allPages(query, (input) => claimPageQuery(input, 1))).toEqual(expected);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { claimPageQuery } from "@/lib/claims/claim-page-query";
import { CLAIM_ORDERINGS } from "@/lib/claims/orderings";
import { findClaimsSchema } from "@/lib/claims/schema";
import { keysetPage } from "@/lib/keyset";
import { readRows } from "@/lib/pg-pool";
import { makeUser } from "./helpers";
import { seedRafahGold } from "./seed-gold";

let articleId: string;

beforeAll(async () => {
  articleId = (await seedRafahGold(await makeUser("editor"))).article.id;
});

type PageRow = Record<string, unknown> & { id: string };

/** Every page of a filter, two claims a page, with the bounded walk reading `walkRows` claims. */
async function allPages(query: Record<string, string | string[]>, walkRows: number) {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const input = findClaimsSchema.parse({ ...query, articleId, limit: "2", ...(cursor ? { cursor } : {}) });
    const page = keysetPage(CLAIM_ORDERINGS[input.sort], await readRows<PageRow>(claimPageQuery(input, walkRows)), 2);
    pages.push(page.items.map((r) => r.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor && pages.length < 20);
  return pages;
}

describe("the explorer's bounded walk", () => {
  // A walk of one claim finds no full page (the other path: every match, then the first of them);
  // a walk of a million reads every claim (the walk's own page): the same pages either way.
  const filters: Record<string, string | string[]>[] = [
    {},
    { sort: "oldest" },
    { mode: "direct_quote" },
    { sourceType: ["anonymous_group", "person"], via: "false" },
    { from: "2000-01-01", to: new Date().toISOString().slice(0, 10) },
    { q: "the" },
    { q: "politico" },
    { affiliation: "Israeli government", sort: "oldest" },
    { reviewStatus: "pending", anonymous: "false" },
  ];
  it.each(filters)("gives the same pages whichever path finds them: %j", async (query) => {
    const walked = await allPages(query, 1_000_000);
    expect(await allPages(query, 1)).toEqual(walked);
    expect(walked.flat().length).toBeGreaterThan(0);
    expect(new Set(walked.flat()).size).toBe(walked.flat().length);
  });
});

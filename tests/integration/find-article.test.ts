import { describe, expect, it } from "vitest";
import * as articles from "@/app/api/articles/route";
import { findArticle } from "@/lib/articles/find-article";
import { db } from "@/lib/db";
import { call, makeUser, unique } from "./helpers";

/**
 * findArticle reads the article, its author and its statements on node-postgres in one query
 * (round 6 of issue 15); the answer must be what Prisma's include gave, field for field, in the
 * same order, with the same Date values and enum strings.
 */
describe("the workspace's article read", () => {
  it("answers exactly what Prisma's include read, statements in order with their text", async () => {
    const editor = await makeUser("editor");
    const body =
      "# A “headline” 😀\n\nThe minister said the plan would go ahead. Critics disagreed, officials said.\n\nA third line.";
    const { status, json } = await call(articles.POST, "POST", {
      user: editor,
      body: { title: unique("find"), body, outlet: "The Daily", publishedAt: "2026-03-04T05:06:07.089Z" },
    });
    expect(status).toBe(201);
    const detail = await findArticle(json.id);
    const viaPrisma = await db().article.findUnique({
      where: { id: json.id },
      include: { createdBy: { select: { id: true, name: true } }, statements: { orderBy: { ordinal: "asc" } } },
    });
    expect(viaPrisma).not.toBeNull();
    const { statements, ...rest } = viaPrisma!;
    expect(Object.keys(detail!)).toEqual([...Object.keys(rest), "statements", "claims", "latestReview"]);
    const { statements: read, claims: _c, latestReview: _r, ...article } = detail!;
    expect(article).toEqual(rest);
    expect(article.publishedAt).toEqual(new Date("2026-03-04T05:06:07.089Z"));
    expect(read).toEqual(
      statements.map(({ id, ordinal, kind, start, end }) => ({
        id,
        ordinal,
        kind,
        start,
        end,
        text: body.slice(start, end),
      })),
    );
    expect(read.length).toBeGreaterThan(2);
    expect(await findArticle("00000000-0000-4000-8000-000000000000")).toBeNull();
  });
});

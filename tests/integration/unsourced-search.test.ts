import { beforeAll, describe, expect, it } from "vitest";
import * as articles from "@/app/api/articles/route";
import * as claims from "@/app/api/claims/route";
import * as reports from "@/app/api/reports/route";
import { call, makeUser, type TestUser, unique } from "./helpers";

// Text search over unsourced sentences: a story is searched sentence by sentence, a body past 20,000
// bytes in one pass (sourcedesk_unsourced_matching). Both must find exactly the sentences whose text
// holds the phrase, case-insensitively, whatever the script and wherever the line breaks fall.
let editor: TestUser;
const tag = unique("quartier").replace(/[^a-z0-9]/gi, "");

interface Statement {
  id: string;
  start: number;
  end: number;
  text: string;
}

async function create(body: string) {
  const created = await call(articles.POST, "POST", { user: editor, body: { title: unique("search"), body } });
  expect(created.status).toBe(201);
  return created.json as { id: string; body: string; statements: { id: string; start: number; end: number }[] };
}

async function unsourced(articleId: string, q: string): Promise<Statement[]> {
  const out: Statement[] = [];
  let cursor: string | null = null;
  do {
    const query: Record<string, string> = { articleId, unsourced: "true", q, limit: "200" };
    if (cursor) query.cursor = cursor;
    const page = await call(claims.GET, "GET", { user: editor, query });
    expect(page.status).toBe(200);
    out.push(...page.json.items);
    cursor = page.json.nextCursor;
  } while (cursor);
  return out;
}

/** What the search must find: the sentences whose text holds the phrase, computed here from the body. */
const expected = (article: { body: string; statements: { id: string; start: number; end: number }[] }, q: string) =>
  article.statements
    .filter((s) => article.body.slice(s.start, s.end).toLowerCase().includes(q.toLowerCase()))
    .map((s) => s.id)
    .sort();

beforeAll(async () => {
  editor = await makeUser("editor");
});

describe("text search over unsourced sentences", () => {
  it("finds the same sentences in a long body (one pass) as the body's own text says", async () => {
    // ~60 kB of French with accents, a line break inside many sentences and Arabic between them.
    const sentences = Array.from({ length: 700 }, (_, i) =>
      i % 7 === 3
        ? `Le café était fermé ce jour-là,\npour travaux au ${tag} ${String(i).padStart(4, "0")}.`
        : `قال الوزير إن الاجتماع انتهى دون اتفاق رقم ${i}. Les élèves sont rentrés chez eux à midi.`,
    );
    const article = await create(sentences.join(" "));
    expect(Buffer.byteLength(article.body)).toBeGreaterThan(20_000);
    for (const q of [
      `${tag} 00`,
      `TRAVAUX AU ${tag.toUpperCase()} 0010`,
      "jour-là,\npour",
      "الوزير إن",
      "absent phrase",
    ]) {
      const found = await unsourced(article.id, q);
      expect(found.map((s) => s.id).sort(), q).toEqual(expected(article, q));
      for (const s of found) expect(s.text.toLowerCase()).toContain(q.toLowerCase());
    }
    expect((await unsourced(article.id, `${tag} 00`)).length).toBeGreaterThan(10);
  });

  it("finds the same sentences in a short story (sentence by sentence)", async () => {
    const article = await create(
      `Le café était fermé, pour travaux au ${tag} court. Les élèves sont rentrés. Ein Café in Köln, ${tag} court.`,
    );
    expect(Buffer.byteLength(article.body)).toBeLessThan(20_000);
    const found = await unsourced(article.id, `${tag} COURT`);
    expect(found.map((s) => s.id).sort()).toEqual(expected(article, `${tag} court`));
    expect(found).toHaveLength(2);
  });

  it("lists a long body's matching sentences in the report as the explorer does", async () => {
    const sentences = Array.from({ length: 600 }, (_, i) => `Sentence ${i} mentions the ${tag} report of the week.`);
    const article = await create(sentences.join(" "));
    const listed = await unsourced(article.id, `the ${tag} report`);
    expect(listed).toHaveLength(600);
    const answer = await call(reports.GET, "GET", {
      user: editor,
      query: { articleId: article.id, unsourced: "true", q: `the ${tag} report`, format: "json" },
    });
    expect(answer.status).toBe(200);
    expect(answer.json.unsourcedStatements.map((s: { id: string }) => s.id).sort()).toEqual(
      listed.map((s) => s.id).sort(),
    );
  });
});

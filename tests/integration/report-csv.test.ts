import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as articles from "@/app/api/articles/route";
import * as attributions from "@/app/api/attributions/route";
import * as claims from "@/app/api/claims/route";
import * as sources from "@/app/api/sources/route";
import { claimFiltersSchema } from "@/lib/claims/schema";
import { closeDb } from "@/lib/db";
import { closeReadPool } from "@/lib/pg-pool";
import { formatCsv } from "@/lib/reports/format-csv";
import { reportCsv } from "@/lib/reports/report-csv";
import { streamReportClaims, streamUnsourcedStatements } from "@/lib/reports/report-rows";
import { closeReportPool, withSnapshot } from "@/lib/reports/snapshot";
import { copyOfTemplate, dropDatabase } from "./fixtures/template-copy";
import { call, makeUser, type TestUser, unique } from "./helpers";

/**
 * The CSV PostgreSQL writes (COPY, report-csv.ts) is byte for byte the CSV formatCsv writes from
 * the streamed rows — here over articles whose bodies hold characters outside the BMP before and
 * inside the spans (UTF-16 offsets), hostile text, a via source, a claim nobody is credited with,
 * and filters of every value kind the COPY must inline.
 */
// Its own copy of the migrated database, not the worker's: every filter below selects only this
// file's rows (the date 1912-03-04, the phrase, the article ids), but the text search reads each
// unsourced sentence of every article with PostgreSQL's substr, which walks the body from its
// start each time, so other files' 1 MB articles made this file take 26-127 s instead of seconds.
const ownDatabase = unique("report_csv").replace(/\W/g, "_");
process.env.DATABASE_URL = await copyOfTemplate(ownDatabase);
afterAll(async () => {
  await Promise.all([closeDb(), closeReadPool(), closeReportPool()]);
  await dropDatabase(ownDatabase);
});

let editor: TestUser;
const articleIds: string[] = [];
const tag = unique("csvcopy");
const body = [
  `🎉 The 👩🏽‍⚕️ doctor said "it is fine, really" ${tag}.`,
  '=HYPERLINK("x") was typed by 😀 someone, officials said.',
  "A plain sentence with no claim.",
  "-3 degrees 🌡️ at dawn.",
].join("\n\n");

async function both(filters: Record<string, unknown>) {
  const f = claimFiltersSchema.parse(filters);
  const collect = async (chunks: AsyncIterable<string>) => {
    let out = "";
    for await (const c of chunks) out += c;
    return out;
  };
  const fromCopy = await withSnapshot((s) => collect(reportCsv(s, f)));
  const reference = await withSnapshot((s) =>
    collect(formatCsv(streamReportClaims(s, f), streamUnsourcedStatements(s, f))),
  );
  return { fromCopy, reference };
}

beforeAll(async () => {
  editor = await makeUser("editor");
  const post = async (handler: typeof articles.POST, input: unknown) => {
    const { status, json } = await call(handler, "POST", { user: editor, body: input });
    expect(status, JSON.stringify(json)).toBeLessThan(300);
    return json;
  };
  const person = await post(sources.POST, { type: "person", name: unique('Dr "Quoted", MD'), affiliation: "Clinic" });
  const officials = await post(sources.POST, { type: "anonymous_group", name: "officials" });
  const wire = await post(sources.POST, { type: "media_outlet", name: unique("=Wire") });
  for (const title of [unique("@emoji story"), unique("second, story")]) {
    const article = await post(articles.POST, { title, body, publishedAt: "1912-03-04" });
    articleIds.push(article.id);
    const at = (text: string) => {
      const start = body.indexOf(text);
      return { start, end: start + text.length };
    };
    const quote = await post(claims.POST, {
      articleId: article.id,
      ...at(`The 👩🏽‍⚕️ doctor said "it is fine, really"`),
    });
    await post(attributions.POST, {
      claimId: quote.id,
      sourceId: person.id,
      mode: "direct_quote",
      cue: at("said"),
      mention: at("👩🏽‍⚕️ doctor"),
      note: 'line one\nline two, "quoted"',
    });
    const typed = await post(claims.POST, { articleId: article.id, ...at('=HYPERLINK("x") was typed by 😀 someone') });
    await post(attributions.POST, {
      claimId: typed.id,
      sourceId: officials.id,
      mode: "paraphrase",
      viaSourceId: wire.id,
      cue: at("officials said"),
    });
    await post(claims.POST, { articleId: article.id, ...at("-3 degrees 🌡️") });
  }
});

describe("the report CSV written by COPY", () => {
  it("equals formatCsv's byte for byte, astral characters, quotes, line breaks and formulas included", async () => {
    const { fromCopy, reference } = await both({ from: "1912-03-04", to: "1912-03-04" });
    expect(fromCopy.split("\r\n").length).toBeGreaterThan(6);
    expect(fromCopy).toContain("👩🏽‍⚕️ doctor");
    expect(fromCopy).toBe(reference);
  });

  it("equals it under filters of every kind it inlines (arrays, booleans, text, dates)", async () => {
    const cases: Record<string, unknown>[] = [
      { from: "1912-03-04", to: "1912-03-04", sourceType: "person,anonymous_group" },
      { from: "1912-03-04", to: "1912-03-04", anonymous: "true", via: "true" },
      { from: "1912-03-04", to: "1912-03-04", affiliation: "Clinic", mode: "direct_quote" },
      { q: `"it is fine, really"` },
      { articleId: articleIds },
    ];
    for (const filters of cases) {
      const { fromCopy, reference } = await both(filters);
      expect(fromCopy.split("\r\n").length, JSON.stringify(filters)).toBeGreaterThan(2);
      expect(fromCopy, JSON.stringify(filters)).toBe(reference);
    }
    // 120 s: over the whole suite's database this took 26.6 s in one CI run (see the top); speed
    // is the benchmark's business, this checks bytes.
  }, 120_000);
});

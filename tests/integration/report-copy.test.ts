import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as articles from "@/app/api/articles/route";
import * as attributions from "@/app/api/attributions/route";
import * as claimById from "@/app/api/claims/[id]/route";
import * as claims from "@/app/api/claims/route";
import * as sources from "@/app/api/sources/route";
import { claimFiltersSchema } from "@/lib/claims/schema";
import { closeDb, db } from "@/lib/db";
import { closeReadPool } from "@/lib/pg-pool";
import { filterReportMeta, reportChunks } from "@/lib/reports/export-report";
import { formatCsv } from "@/lib/reports/format-csv";
import { formatJson } from "@/lib/reports/format-json";
import { reportCsv } from "@/lib/reports/report-csv";
import { streamReportClaims, streamUnsourcedStatements } from "@/lib/reports/report-rows";
import { buildReportSummary } from "@/lib/reports/report-summary";
import { closeReportPool, withSnapshot } from "@/lib/reports/snapshot";
import { copyOfTemplate, dropDatabase } from "./fixtures/template-copy";
import { call, makeUser, type TestUser, unique } from "./helpers";

/**
 * The CSV and the JSON PostgreSQL writes (COPY: report-csv.ts, report-json.ts) are byte for byte
 * what formatCsv and formatJson write from the streamed rows — here over articles whose bodies
 * hold characters outside the BMP before and inside the spans (UTF-16 offsets), hostile text
 * (control characters, backslashes, line separators, formulas), a via source, a split quote, a
 * reviewed claim, a claim nobody is credited with, and filters of every value kind the COPY must
 * inline.
 */
// Its own copy of the migrated database, not the worker's: every filter below selects only this
// file's rows (the date 1912-03-04, the phrase, the article ids), but the text search reads each
// unsourced sentence of every article with PostgreSQL's substr, which walks the body from its
// start each time, so other files' 1 MB articles made this file take 26-127 s instead of seconds.
const ownDatabase = unique("report_copy").replace(/\W/g, "_");
process.env.DATABASE_URL = await copyOfTemplate(ownDatabase);
afterAll(async () => {
  await Promise.all([closeDb(), closeReadPool(), closeReportPool()]);
  await dropDatabase(ownDatabase);
});

let editor: TestUser;
let reviewer: TestUser;
const articleIds: string[] = [];
const tag = unique("csvcopy");
const body = [
  `🎉 The 👩🏽‍⚕️ doctor said "it is fine, really" ${tag}.`,
  '=HYPERLINK("x") was typed by 😀 someone, officials said.',
  "A plain sentence with no claim.",
  "-3 degrees 🌡️ at dawn.",
  "A back\\slash, a tab\there, a bell \u0007 and a line\u2028separator, sources said.",
].join("\n\n");

const collect = async (chunks: AsyncIterable<string>) => {
  let out = "";
  for await (const c of chunks) out += c;
  return out;
};

async function both(filters: Record<string, unknown>) {
  const f = claimFiltersSchema.parse(filters);
  const fromCopy = await withSnapshot((s) => collect(reportCsv(s, f)));
  const reference = await withSnapshot((s) =>
    collect(formatCsv(streamReportClaims(s, f), streamUnsourcedStatements(s, f))),
  );
  return { fromCopy, reference };
}

/** The JSON report as served (its arrays by COPY) and as formatJson writes it from the streamed objects. */
async function bothJson(filters: Record<string, unknown>) {
  const meta = filterReportMeta(claimFiltersSchema.parse(filters));
  const fromCopy = await collect(reportChunks("json", meta));
  const reference = await withSnapshot(async (s) =>
    collect(
      formatJson({
        meta,
        summary: await buildReportSummary(s, meta.filters),
        claims: streamReportClaims(s, meta.filters),
        statements: streamUnsourcedStatements(s, meta.filters),
      }),
    ),
  );
  return { fromCopy, reference };
}

beforeAll(async () => {
  [editor, reviewer] = await Promise.all([makeUser("editor"), makeUser("reviewer")]);
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
    const split = at("A back\\slash, a tab\there, a bell \u0007 and a line\u2028separator");
    const hostile = await post(claims.POST, {
      articleId: article.id,
      ...split,
      parts: [
        { start: split.start, end: split.start + 6 },
        { start: split.start + 8, end: split.end },
      ],
    });
    await post(attributions.POST, {
      claimId: hostile.id,
      sourceId: officials.id,
      mode: "partial_quote",
      cue: at("sources said"),
      note: "back\\slash \u0001 and \u001f",
    });
    const { version } = await db().claim.findUniqueOrThrow({ where: { id: hostile.id } });
    const reviewed = await call(claimById.PATCH, "PATCH", {
      user: reviewer,
      id: hostile.id,
      body: { reviewStatus: "flagged", reviewComment: 'check "this"\n\\ twice 🧐', version },
    });
    expect(reviewed.status, JSON.stringify(reviewed.json)).toBe(200);
  }
});

describe("the report JSON whose arrays are written by COPY", () => {
  it("equals formatJson's byte for byte, and parses", async () => {
    const cases: Record<string, unknown>[] = [
      { from: "1912-03-04", to: "1912-03-04" },
      { from: "1912-03-04", to: "1912-03-04", anonymous: "true", via: "true" },
      { articleId: articleIds },
      { from: "1912-03-05", to: "1912-03-05" },
    ];
    for (const filters of cases) {
      const { fromCopy, reference } = await bothJson(filters);
      expect(fromCopy, JSON.stringify(filters)).toBe(reference);
      const report = JSON.parse(fromCopy);
      expect(report.claims.length, JSON.stringify(filters)).toBe(report.totals.claims);
    }
    const { fromCopy } = await bothJson({ articleId: articleIds });
    const report = JSON.parse(fromCopy);
    expect(report.claims).toHaveLength(8);
    expect(report.unsourcedStatements.length).toBeGreaterThan(0);
    const hostile = report.claims.find((c: { parts: unknown }) => c.parts);
    expect(hostile.reviewComment).toBe('check "this"\n\\ twice 🧐');
    expect(hostile.attributions[0].note).toBe("back\\slash \u0001 and \u001f");
    expect(hostile.attributions[0].cue.text).toBe("sources said");
    expect(JSON.parse((await bothJson({ from: "1912-03-05", to: "1912-03-05" })).fromCopy).claims).toEqual([]);
  }, 120_000);
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

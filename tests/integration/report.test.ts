import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import * as articleReport from "@/app/api/articles/[id]/report/route";
import * as articles from "@/app/api/articles/route";
import * as attributions from "@/app/api/attributions/route";
import * as claim from "@/app/api/claims/[id]/route";
import * as claims from "@/app/api/claims/route";
import * as reports from "@/app/api/reports/route";
import * as sources from "@/app/api/sources/route";
import { buildReportSummary } from "@/lib/reports/report-summary";
import { withSnapshot } from "@/lib/reports/snapshot";
import { call, makeUser, rafahGold, type TestUser, unique } from "./helpers";
import { seedRafahGold } from "./seed-gold";

let editor: TestUser;
let reviewer: TestUser;
let gold: Awaited<ReturnType<typeof seedRafahGold>>;

beforeAll(async () => {
  [editor, reviewer] = await Promise.all([makeUser("editor"), makeUser("reviewer")]);
  gold = await seedRafahGold(editor);
});

type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;

/** The raw answer of a report route: status, headers and the whole streamed body as text. */
async function fetchReport(
  handler: Handler,
  query: Record<string, string | string[]>,
  options: { id?: string; user?: TestUser | null } = {},
) {
  const url = new URL("http://localhost/api/test");
  for (const [key, value] of Object.entries(query)) for (const v of [value].flat()) url.searchParams.append(key, v);
  const user = options.user === undefined ? reviewer : options.user;
  const headers: Record<string, string> = user ? { authorization: `Bearer ${user.token}` } : {};
  const response = await handler(new Request(url, { headers }), { params: Promise.resolve({ id: options.id ?? "" }) });
  return {
    status: response.status,
    type: response.headers.get("content-type") ?? "",
    disposition: response.headers.get("content-disposition") ?? "",
    body: await response.text(),
  };
}

const articleJson = async (id: string) =>
  JSON.parse((await fetchReport(articleReport.GET, { format: "json" }, { id })).body);
const countsBy = (rows: { claims: number }[], key: string) =>
  Object.fromEntries(
    rows.filter((r) => r.claims > 0).map((r) => [(r as unknown as Record<string, string>)[key], r.claims]),
  );

interface JsonAttribution {
  id: string;
  mode: string;
  source: Record<string, unknown>;
  via: Record<string, unknown> | null;
  cue: { start: number; end: number; text: string } | null;
  mention: { start: number; end: number; text: string } | null;
  note: string | null;
}
interface JsonClaim {
  id: string;
  articleId: string;
  articleTitle: string;
  articleDate: string;
  start: number;
  end: number;
  text: string;
  reviewStatus: string;
  reviewComment: string | null;
  attributions: JsonAttribution[];
}
interface JsonStatement {
  id: string;
  articleId: string;
  articleTitle: string;
  articleDate: string;
  start: number;
  end: number;
  text: string;
}

/** What the CSV must hold, derived from the JSON export by hand (not with the exporter's own code). */
function expectedCsvRecords(json: { claims: JsonClaim[]; unsourcedStatements: JsonStatement[] }) {
  const str = (v: unknown) => (v === null || v === undefined ? "" : String(v));
  const rows: Record<string, string>[] = [];
  for (const c of json.claims) {
    const base = {
      article_id: c.articleId,
      article_title: c.articleTitle,
      article_date: c.articleDate,
      claim_id: c.id,
      statement_id: "",
      start: str(c.start),
      end: str(c.end),
      text: c.text,
      review_status: c.reviewStatus,
      review_comment: c.reviewComment ?? "",
    };
    const empty = Object.fromEntries(
      [
        "attribution_id",
        "mode",
        "source_id",
        "source_type",
        "source_name",
        "source_count",
        "source_affiliation",
        "source_role",
        "source_anonymous",
        "anonymity_reason",
        "cue_start",
        "cue_end",
        "cue_text",
        "mention_start",
        "mention_end",
        "mention_text",
        "via_source_id",
        "via_source_type",
        "via_source_name",
        "note",
      ].map((k) => [k, ""]),
    );
    if (!c.attributions.length) rows.push({ record: "claim", ...base, ...empty });
    for (const a of c.attributions) {
      rows.push({
        record: "attribution",
        ...base,
        attribution_id: a.id,
        mode: a.mode,
        source_id: str(a.source.id),
        source_type: str(a.source.type),
        source_name: str(a.source.name),
        source_count: str(a.source.count),
        source_affiliation: str(a.source.affiliation),
        source_role: str(a.source.role),
        source_anonymous: str(a.source.anonymous),
        anonymity_reason: str(a.source.anonymityReason),
        cue_start: str(a.cue?.start),
        cue_end: str(a.cue?.end),
        cue_text: str(a.cue?.text),
        mention_start: str(a.mention?.start),
        mention_end: str(a.mention?.end),
        mention_text: str(a.mention?.text),
        via_source_id: str(a.via?.id),
        via_source_type: str(a.via?.type),
        via_source_name: str(a.via?.name),
        note: str(a.note),
      });
    }
  }
  for (const s of json.unsourcedStatements) {
    const row: Record<string, string> = Object.fromEntries(Object.keys(rows[0] ?? { record: "" }).map((k) => [k, ""]));
    rows.push({
      ...row,
      record: "unsourced_statement",
      article_id: s.articleId,
      article_title: s.articleTitle,
      article_date: s.articleDate,
      statement_id: s.id,
      claim_id: "",
      start: str(s.start),
      end: str(s.end),
      text: s.text,
    });
  }
  return rows;
}

/** A real CSV parser, then the export's formula guard undone: what a careful importer would read. */
function parseCsv(text: string): Record<string, string>[] {
  const records: Record<string, string>[] = parse(text, { columns: true, record_delimiter: "\r\n" });
  return records.map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, /^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v])),
  );
}

describe("sourcing report of the gold-tagged Rafah article", () => {
  it("counts statements, claims, sources, anonymity and second-hand sourcing as the gold says", async () => {
    const report = await articleJson(gold.article.id);
    expect(report.report).toMatchObject({ kind: "article", article: { id: gold.article.id } });
    expect(report.totals).toMatchObject({
      sentences: 8,
      headings: 3,
      statements: 11,
      unsourced: 0,
      claims: 10,
      attributed: 10,
      attributions: 10,
      sources: 9,
    });
    expect(report.unsourcedStatements).toEqual([]);
    expect(report.anonymousShare).toEqual({ count: 8, of: 10, share: 0.8 });
    expect(report.secondHandShare).toEqual({ count: 2, of: 10, share: 0.2 });
    expect(countsBy(report.bySourceType, "type")).toEqual({
      anonymous_group: 6,
      anonymous_individual: 2,
      organization: 1,
      person: 1,
    });
    expect(countsBy(report.byMode, "mode")).toEqual({ paraphrase: 8, direct_quote: 1, partial_quote: 1 });

    const politico = report.sources.find((s: { name: string }) => s.name.startsWith("Politico"));
    expect(politico).toMatchObject({ type: "media_outlet", claims: 0, viaClaims: 1 });
    // Five anonymous sources give no reason; "a third Israeli official" requested anonymity.
    expect(report.anonymousWithoutReason).toBe(5);
    const third = report.sources.find((s: { name: string }) => s.name === "a third Israeli official");
    expect(third).toMatchObject({
      claims: 2,
      missingReason: false,
      anonymityReason: "requested anonymity",
      modes: { paraphrase: 1, direct_quote: 1, partial_quote: 0 },
    });

    const goldId = new Map([...gold.claimIds].map(([g, id]) => [id, g]));
    const secondHand = (report.claims as JsonClaim[]).filter((c) => c.attributions.some((a) => a.via));
    expect(secondHand.map((c) => [goldId.get(c.id), c.attributions[0].via?.name])).toEqual([
      ["C3", expect.stringMatching(/^Politico/)],
      ["C4", "Four US officials"],
    ]);
  });

  it("computes the whole summary in one statement, with the same figures as the report", async () => {
    const report = await articleJson(gold.article.id);
    let statements = 0;
    const summary = await withSnapshot((snapshot) =>
      buildReportSummary(
        {
          ...snapshot,
          rows: (query) => {
            statements++;
            return snapshot.rows(query);
          },
        },
        { articleId: [gold.article.id] },
      ),
    );
    // Seven statements one after another before round 6 (docs/performance.md).
    expect(statements).toBe(1);
    const { report: _meta, unsourcedStatements: _u, claims: _c, ...figures } = report;
    expect(JSON.parse(JSON.stringify(summary))).toEqual(figures);
  });

  it("carries every claim with its spans, in reading order, so another tool can re-anchor them", async () => {
    const report = await articleJson(gold.article.id);
    expect(report.claims.map((c: JsonClaim) => c.start)).toEqual(
      [...rafahGold.claims].map((c) => c.content.start).sort((a, b) => a - b),
    );
    for (const g of rafahGold.claims) {
      const c = report.claims.find((x: JsonClaim) => x.id === gold.claimIds.get(g.id));
      expect(c).toMatchObject({ start: g.content.start, end: g.content.end, text: g.content.text });
      expect(c.prefix.length).toBeGreaterThan(0);
      expect(c.attributions[0]).toMatchObject({ mode: g.mode, cue: g.cue, mention: g.sourceMention });
    }
  });

  it("exports a CSV that a real CSV parser reads back equal to the JSON, one row per attribution", async () => {
    const csv = await fetchReport(articleReport.GET, { format: "csv" }, { id: gold.article.id });
    expect(csv.status).toBe(200);
    expect(csv.type).toMatch(/^text\/csv/);
    expect(csv.disposition).toMatch(/^attachment; filename="sourcing-report-.*\.csv"$/);
    const records = parseCsv(csv.body);
    expect(records).toHaveLength(10);
    expect(records).toEqual(expectedCsvRecords(await articleJson(gold.article.id)));
  });

  it("exports Markdown and a printable HTML document with the same figures", async () => {
    const md = await fetchReport(articleReport.GET, { format: "md" }, { id: gold.article.id });
    expect(md.type).toMatch(/^text\/markdown/);
    expect(md.body).toContain("8 of 10 claims rest only on anonymous sources (80%)");
    expect(md.body).toContain("| Anonymous group | 6 | 6 |");
    const html = await fetchReport(articleReport.GET, { format: "html" }, { id: gold.article.id });
    expect(html.type).toMatch(/^text\/html/);
    expect(html.disposition).toMatch(/^inline;/);
    expect(html.body).toMatch(/^<!doctype html>/);
    expect(html.body).toContain("@media print");
    expect(html.body).toContain('aria-label="Claims by mode: Direct quote 1, Partial quote 1, Paraphrase 8"');
    expect(html.body.match(/<blockquote/g)).toHaveLength(10);
  });

  it("reports on an explorer filter: the anonymous_group filter gives exactly the gold's six anonymous-group claims", async () => {
    const query = { articleId: gold.article.id, sourceType: "anonymous_group", format: "json" };
    const { status, body } = await fetchReport(reports.GET, query);
    expect(status).toBe(200);
    const report = JSON.parse(body);
    const ids = (...g: string[]) => g.map((x) => gold.claimIds.get(x)).sort();
    expect(report.claims.map((c: JsonClaim) => c.id).sort()).toEqual(ids("C2", "C3", "C4", "C5", "C6", "C9"));
    expect(report.totals).toMatchObject({ claims: 6, unsourced: 0, sources: 6 });
    expect(report.report).toMatchObject({
      kind: "filter",
      filters: { articleId: [gold.article.id], sourceType: ["anonymous_group"] },
    });
    const api = await call(claims.GET, "GET", {
      user: reviewer,
      query: { articleId: gold.article.id, sourceType: "anonymous_group" },
    });
    expect(api.json.items.map((c: { id: string }) => c.id).sort()).toEqual(ids("C2", "C3", "C4", "C5", "C6", "C9"));
  });

  it("answers 401 without a user, 404 for an unknown article and 400 for an unknown format or filter", async () => {
    expect((await fetchReport(articleReport.GET, {}, { id: gold.article.id, user: null })).status).toBe(401);
    expect((await fetchReport(articleReport.GET, {}, { id: "00000000-0000-4000-8000-000000000000" })).status).toBe(404);
    expect((await fetchReport(articleReport.GET, {}, { id: "not-a-uuid" })).status).toBe(404);
    const badFormat = await fetchReport(articleReport.GET, { format: "pdf" }, { id: gold.article.id });
    expect(badFormat.status).toBe(400);
    expect(JSON.parse(badFormat.body).error.code).toBe("validation_error");
    expect((await fetchReport(reports.GET, { mode: "rumour" })).status).toBe(400);
    expect((await fetchReport(reports.GET, { from: "2026-02-01", to: "2026-01-01" })).status).toBe(400);
  });
});

describe("exports of hostile and unsourced text", () => {
  const body = [
    `=HYPERLINK("http://evil.example","click") was posted, officials said.`,
    `"Commas, ""quotes"" and\nline breaks," the mayor said.`,
    "@SUM(A1) is a rumour.",
    "-5 degrees is cold.",
    "+1 more thing.",
    "<script>alert(1)</script> Nobody said this.",
  ].join("\n\n");

  async function seedHostile() {
    const article = (
      await call(articles.POST, "POST", { user: editor, body: { title: unique("=cmd|' /C calc'!A0"), body } })
    ).json;
    const source = (
      await call(sources.POST, "POST", { user: editor, body: { type: "person", name: unique('-Mayor, "Quoted"') } })
    ).json;
    const spans = [
      [0, body.indexOf(" was posted")],
      [1 + body.indexOf(`"Commas`), body.indexOf(`," the mayor`)],
    ];
    const ids: string[] = [];
    for (const [start, end] of spans) {
      const claim = (await call(claims.POST, "POST", { user: editor, body: { articleId: article.id, start, end } }))
        .json;
      ids.push(claim.id);
      await call(attributions.POST, "POST", {
        user: editor,
        body: { claimId: claim.id, sourceId: source.id, mode: "paraphrase", note: '@note, with\r\n"all" of it' },
      });
    }
    // A claim nobody has been credited with yet, inside the third paragraph.
    const start = body.indexOf("@SUM");
    ids.push(
      (await call(claims.POST, "POST", { user: editor, body: { articleId: article.id, start, end: start + 8 } })).json
        .id,
    );
    // A reviewer's comment, hostile too: it reaches the CSV in its own column.
    const reviewed = await call(claim.PATCH, "PATCH", {
      user: reviewer,
      id: ids[0],
      body: { reviewStatus: "flagged", reviewComment: '=needs a second, "independent" source', version: 1 },
    });
    expect(reviewed.status).toBe(200);
    return { article, ids };
  }

  it("round-trips quotes, commas and line breaks, neutralises formulas, and lists unsourced statements", async () => {
    const { article } = await seedHostile();
    const json = await articleJson(article.id);
    // Sentence 1 and 2 hold attributed claims; the @SUM claim has no attribution, so its sentence stays unsourced.
    expect(json.unsourcedStatements.map((s: JsonStatement) => s.text)).toEqual([
      "@SUM(A1) is a rumour.",
      "-5 degrees is cold.",
      "+1 more thing.",
      "<script>alert(1)</script> Nobody said this.",
    ]);
    expect(json.totals).toMatchObject({ claims: 3, attributed: 2, unsourced: 4 });

    const csv = (await fetchReport(articleReport.GET, { format: "csv" }, { id: article.id })).body;
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(csv).toContain(",'@SUM(A1) is a rumour.,");
    expect(csv).toContain(",'-5 degrees is cold.,");
    expect(csv).not.toMatch(/(^|,)[=+\-@]/m);
    const records = parseCsv(csv);
    expect(records.map((r) => r.record)).toEqual([
      "attribution",
      "attribution",
      "claim",
      "unsourced_statement",
      "unsourced_statement",
      "unsourced_statement",
      "unsourced_statement",
    ]);
    expect(records[1].text).toBe(`Commas, ""quotes"" and\nline breaks`);
    expect(records[1].note).toBe('@note, with\r\n"all" of it');
    expect(records[0]).toMatchObject({
      review_status: "flagged",
      review_comment: '=needs a second, "independent" source',
    });
    expect(records[3]).toMatchObject({ source_name: "", source_type: "", mode: "", text: "@SUM(A1) is a rumour." });
    expect(records).toEqual(expectedCsvRecords(json));
  });

  it("keeps text as text in Markdown and HTML", async () => {
    const { article } = await seedHostile();
    const html = (await fetchReport(articleReport.GET, { format: "html" }, { id: article.id })).body;
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt; Nobody said this.");
    expect(html).not.toContain("<script>");
    const md = (await fetchReport(articleReport.GET, { format: "md" }, { id: article.id })).body;
    expect(md).toContain("\\<script\\>alert\\(1\\)\\</script\\> Nobody said this.");
  });
});

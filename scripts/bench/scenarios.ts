// The measured scenarios: each through the real route handler, and for the explorer the same SQL
// straight through node-postgres (the API/SQL ratio) plus its EXPLAIN (ANALYZE, BUFFERS) plan.
import type pg from "pg";
import type { Prisma } from "@/lib/generated/prisma/client";
import { type GeneratedShape, suggestionTexts } from "./generate-workspace";
import { fmt, peakMemory, type Timing, time, timeAlternating } from "./measure";
import { makeRng, TextBuilder } from "./synthetic-text";

export interface Row {
  name: string;
  api: Timing;
  sql?: Timing;
  note?: string;
  plan?: string;
}
interface Context {
  client: pg.Client;
  shape: GeneratedShape & { userId: string };
  runs: number;
  only: string[];
  log: (line: string) => void;
}

type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;

/** Filters of the explorer scenarios; the 50k-claim filter is a date range of about a quarter of the archive. */
const EXPLORER: { name: string; query: Record<string, string> }[] = [
  { name: "by source type", query: { sourceType: "anonymous_group" } },
  { name: "anonymous + affiliation", query: { anonymous: "true", affiliation: "Ministry of Health" } },
  { name: "mode + date range", query: { mode: "direct_quote", from: "2024-01-01", to: "2024-03-31" } },
  { name: "full-text search (common phrase)", query: { q: "disputed land" } },
  { name: "full-text search (a source's name)", query: { q: "Kowalski" } },
  { name: "sort=article", query: { sort: "article" } },
];
/** Facet counts: unfiltered, combinations of the low-cardinality filters (count tables), and the scans. */
const FACET_FILTERS: [string, Record<string, string | string[]>][] = [
  ["facet counts (unfiltered)", {}],
  ["facet counts (anonymous)", { anonymous: "true" }],
  [
    "facet counts (source type + mode + review)",
    { sourceType: ["person", "anonymous_group"], mode: "paraphrase", reviewStatus: "pending" },
  ],
  ["facet counts (via + date range)", { via: "true", from: "2024-01-15", to: "2024-06-10" }],
  [
    "facet counts (all low-cardinality + dates)",
    {
      anonymous: "false",
      sourceType: "person",
      mode: "direct_quote",
      via: "false",
      reviewStatus: "approved",
      from: "2023-03-01",
      to: "2025-02-20",
    },
  ],
  ["facet counts (affiliation: claim scan)", { affiliation: "Ministry of Health" }],
  ["facet counts (search: claim scan)", { q: "Kowalski" }],
];
/** The big export: from 2023-01-01 to the day its ~50,000th claim falls on (or nine months in a smaller archive). */
let BIG_FILTER = { from: "2023-01-01", to: "2023-09-30" };
async function sizeBigFilter(client: pg.Client) {
  const { rows } = await client.query<{ day: string }>(
    `SELECT to_char("articleDate", 'YYYY-MM-DD') AS day FROM "Claim" WHERE "articleDate" >= '2023-01-01' ORDER BY "articleDate" OFFSET 50000 LIMIT 1`,
  );
  if (rows[0] && rows[0].day < BIG_FILTER.to) BIG_FILTER = { ...BIG_FILTER, to: rows[0].day };
}

export async function runScenarios({ client, shape, runs, only, log }: Context): Promise<Row[]> {
  const wanted = (group: string) => !only.length || only.includes(group);
  const { createApiToken } = await import("@/lib/users/create-user");
  const token = await createApiToken(shape.userId, "bench");
  const request = (method: string, query: Record<string, string> = {}, body?: unknown) => {
    const url = new URL("http://localhost/api/bench");
    for (const [k, v] of Object.entries(query)) url.searchParams.append(k, v);
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body !== undefined) headers["content-type"] = "application/json";
    return new Request(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  };
  /**
   * Calls a handler and reads its whole body as bytes (what a server writes to its socket; the
   * client's decoding and JSON parsing are not the server's time); fails loudly on an error status.
   */
  const call = async (
    handler: Handler,
    method: string,
    opts: { query?: Record<string, string>; body?: unknown; id?: string } = {},
  ) => {
    const response = await handler(request(method, opts.query, opts.body), {
      params: Promise.resolve({ id: opts.id ?? "" }),
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    if (response.status >= 400) throw new Error(`${method} → ${response.status}: ${String(bytes).slice(0, 300)}`);
    return bytes;
  };
  const json = (bytes: Buffer) => JSON.parse(String(bytes));
  const raw = async (q: Prisma.Sql) => (await client.query(q.text, q.values)).rows;
  const explain = async (q: Prisma.Sql) =>
    (await client.query(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${q.text}`, q.values)).rows
      .map((r) => r["QUERY PLAN"])
      .join("\n");
  const rows: Row[] = [];
  const add = (row: Row) => {
    rows.push(row);
    log(
      `[bench] ${row.name}: p50 ${fmt(row.api.p50)} p95 ${fmt(row.api.p95)}${row.sql ? ` (SQL p50 ${fmt(row.sql.p50)}, ratio ${(row.api.p50 / row.sql.p50).toFixed(2)})` : ""} ${row.note ?? ""}`,
    );
  };

  if (wanted("import")) {
    const articles = await import("@/app/api/articles/route");
    const rng = makeRng(5000);
    const text = new TextBuilder();
    while (text.body.split(/\s+/).length < 5000) {
      if (rng() < 0.5) text.unsourced(rng);
      if (rng() < 0.2) text.paragraphBreak();
    }
    const body = text.body.trim();
    const created: string[] = [];
    const api = await time(
      async () => {
        created.push(json(await call(articles.POST, "POST", { body: { title: "Bench import", body } })).id);
      },
      Math.min(runs, 10),
      1,
    );
    // Leave the archive as it was, so runs stay comparable.
    await client.query(`DELETE FROM "AuditEvent" WHERE "articleId" = ANY($1::uuid[])`, [created]);
    await client.query(`DELETE FROM "Article" WHERE id = ANY($1::uuid[])`, [created]);
    add({ name: "import 5,000-word article (POST /api/articles)", api, note: `${body.length} chars` });

    // Bulk import (npm run import:articles, POST /api/articles/import): the whole pipeline —
    // parse, validate, segment, duplicate check, batch write, audit — for 700-word articles.
    const { importArticles } = await import("@/lib/import/import-articles");
    const { sampleArticles } = await import("./sample-articles");
    const count = 2000;
    const seed = Date.now() % 100_000;
    async function* records() {
      let line = 0;
      for (const a of sampleArticles(count, seed)) yield { line: ++line, input: a };
    }
    const summary = await importArticles(records(), { actorId: shape.userId, onDuplicate: "skip" });
    const again = await importArticles(records(), { actorId: shape.userId, onDuplicate: "skip" });
    const prefix = `sample-${seed}-%`;
    await client.query(
      `DELETE FROM "AuditEvent" WHERE "articleId" IN (SELECT id FROM "Article" WHERE "externalId" LIKE $1)`,
      [prefix],
    );
    await client.query(`DELETE FROM "Article" WHERE "externalId" LIKE $1`, [prefix]);
    await client.query(`SELECT sourcedesk_compact_facet_counts()`);
    await client.query(
      `VACUUM ANALYZE "Article", "Statement", "AuditEvent", "ArticleCounts", "ArticleSourceCount", "TrendCount"`,
    );
    const perArticle = (summary.seconds * 1000) / count;
    add({
      name: "bulk import, 700-word articles (importArticles)",
      api: { p50: perArticle, p95: perArticle, runs: 1 },
      note: `${count} articles in ${summary.seconds.toFixed(1)} s = ${Math.round(count / summary.seconds)}/s (created ${summary.created}); again: ${again.skipped} skipped in ${again.seconds.toFixed(1)} s`,
    });
  }

  if (wanted("workspace")) {
    const article = await import("@/app/api/articles/[id]/route");
    let last = Buffer.alloc(0);
    const api = await time(async () => {
      last = await call(article.GET, "GET", { id: shape.bigArticleId });
    }, runs);
    add({ name: "workspace load (GET /api/articles/:id)", api, note: `${json(last).claims.length} claims` });
    const history = await import("@/app/api/articles/[id]/history/route");
    add({
      name: "history (GET /api/articles/:id/history)",
      api: await time(() => call(history.GET, "GET", { id: shape.bigArticleId }), runs),
    });
    const list = await import("@/app/api/articles/route");
    add({ name: "articles list (GET /api/articles)", api: await time(() => call(list.GET, "GET"), runs) });
  }

  if (wanted("explorer")) {
    const claimsRoute = await import("@/app/api/claims/route");
    const { findClaimsSchema, claimFiltersSchema } = await import("@/lib/claims/schema");
    const { claimQuery } = await import("./explorer-sql");
    const { claimPageWithClaimsQuery } = await import("@/lib/claims/find-claims");
    const { facetCountsQueries, findClaimFacets } = await import("@/lib/claims/claim-facets");
    const { unsourcedCountQuery } = await import("@/lib/claims/claim-facets");
    const cases = [...EXPLORER];
    // A deep page: the cursor of the 10,000th row (or the middle of a smaller archive), newest first.
    const depth = Math.min(10_000, Math.floor(shape.claims / 2));
    const deep = (await raw(claimQuery(findClaimsSchema.parse({}), depth)))[0] as Record<string, unknown>;
    const { encodeKeyset } = await import("@/lib/keyset");
    const { CLAIM_ORDERINGS } = await import("@/lib/claims/orderings");
    cases.push({
      name: `deep cursor page (row ${depth})`,
      query: { cursor: encodeKeyset(CLAIM_ORDERINGS.newest, deep) },
    });
    for (const c of cases) {
      const input = findClaimsSchema.parse(c.query);
      let last = Buffer.alloc(0);
      // The same SQL the endpoint runs, in its one round trip: the page's claims with their
      // attributions and sources, their articles' titles and (once per article) bodies.
      const q = claimPageWithClaimsQuery(input);
      const [api, sql] = await timeAlternating(
        async () => {
          last = await call(claimsRoute.GET, "GET", { query: c.query });
        },
        () => raw(q),
        { runs },
      );
      add({ name: `explorer: ${c.name}`, api, sql, note: `${json(last).items.length} rows`, plan: await explain(q) });
    }
    // Facet counts have no API of their own: /claims renders them server-side from findClaimFacets,
    // which runs its queries concurrently; the raw runs take them one after another.
    for (const [name, f] of FACET_FILTERS) {
      const filters = claimFiltersSchema.parse(f);
      const { fromTables, articlesExact, ...facetQueries } = facetCountsQueries(filters);
      // With a text search the API gives the unsourced count up after 300 ms; so does this side.
      const queries = filters.q
        ? facetQueries
        : { ...facetQueries, unsourced: unsourcedCountQuery(filters, "unsourced") };
      const api = await time(() => findClaimFacets(filters), Math.min(runs, 15), 1);
      const sql = await time(
        async () => {
          for (const q of Object.values(queries)) await raw(q);
        },
        Math.min(runs, 15),
        1,
      );
      const plans = [];
      for (const [part, q] of Object.entries(queries)) plans.push(`-- ${part}\n${await explain(q)}`);
      add({
        name: `explorer: ${name}`,
        api,
        sql,
        note: `findClaimFacets (no route), ${fromTables ? "count tables" : "claim scan"}${fromTables && articlesExact ? ", articles from ArticleCounts" : ""}`,
        plan: plans.join("\n\n"),
      });
    }
  }

  if (wanted("report")) {
    await sizeBigFilter(client);
    const articleReport = await import("@/app/api/articles/[id]/report/route");
    const reports = await import("@/app/api/reports/route");
    for (const format of ["json", "csv"]) {
      add({
        name: `article report ${format} (300 claims)`,
        api: await time(() => call(articleReport.GET, "GET", { id: shape.bigArticleId, query: { format } }), runs),
      });
    }
    const { claimFiltersSchema } = await import("@/lib/claims/schema");
    const [{ n }] = await raw((await import("./explorer-sql")).countQuery(claimFiltersSchema.parse(BIG_FILTER)));
    for (const format of ["csv", "json"]) {
      const ms: number[] = [];
      let peak = { rssMb: 0, heapMb: 0 };
      let bytes = 0;
      for (let i = 0; i < 3; i++) {
        const t = performance.now();
        const m = await peakMemory(() => streamBody(reports.GET, request("GET", { ...BIG_FILTER, format })));
        ms.push(performance.now() - t);
        bytes = m.result;
        peak = { rssMb: Math.max(peak.rssMb, m.rssMb), heapMb: Math.max(peak.heapMb, m.heapMb) };
      }
      ms.sort((a, b) => a - b);
      add({
        name: `filter report ${format} (${n} claims, streamed)`,
        api: { p50: ms[1], p95: ms[2], runs: 3 },
        note: `${(bytes / 2 ** 20).toFixed(1)} MB; peak growth RSS ${peak.rssMb.toFixed(0)} MB, heap ${peak.heapMb.toFixed(0)} MB`,
      });
    }
  }

  if (wanted("report")) {
    // The physical limit of the 50k-claim export: the rows the report reads (reportClaimsQuery:
    // claims × attributions with each article's text once; reportStatementsQuery: its unsourced
    // sentences), read out of PostgreSQL by COPY … TO STDOUT and thrown away. (The CSV itself is
    // now a COPY of formatted rows, lib/reports/report-csv.ts; this is the unformatted read.)
    const { to: copyTo } = await import("pg-copy-streams");
    const { reportClaimsQuery, reportStatementsQuery } = await import("@/lib/reports/report-rows");
    const { claimFiltersSchema } = await import("@/lib/claims/schema");
    const filters = claimFiltersSchema.parse(BIG_FILTER);
    const inline = (q: { text: string; values: unknown[] }) =>
      q.text.replace(/\$(\d+)/g, (_, i) => client.escapeLiteral(String(q.values[Number(i) - 1])));
    const ms: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      bytes = 0;
      for (const q of [reportClaimsQuery(filters), reportStatementsQuery(filters)]) {
        const stream = client.query(copyTo(`COPY (${inline(q)}) TO STDOUT WITH (FORMAT csv)`));
        for await (const chunk of stream) bytes += (chunk as Buffer).length;
      }
      ms.push(performance.now() - t);
    }
    ms.sort((a, b) => a - b);
    add({
      name: "COPY of the 50k-claim report's rows (physical limit)",
      api: { p50: ms[1], p95: ms[2], runs: 3 },
      note: `${(bytes / 2 ** 20).toFixed(1)} MB of CSV`,
    });
    // The JSON report also opens with its summary (totals, breakdowns, ~56k sources): one more
    // query over the same claims, whose time adds to the JSON's physical limit.
    const { summaryQuery } = await import("@/lib/reports/report-summary");
    await client.query("SET work_mem = '64MB'"); // as in the report's snapshot
    const summary = await time(() => client.query(inline(summaryQuery(filters))), 3, 1);
    await client.query("RESET work_mem");
    add({ name: "summary query of the 50k-claim report (the JSON's head)", api: summary });
  }

  if (wanted("trends")) {
    const { runTrendScenarios } = await import("./trends-scenarios");
    await runTrendScenarios({ client, call, runs, add, log });
  }

  if (wanted("suggestions")) {
    const suggestions = await import("@/app/api/suggestions/route");
    const texts = suggestionTexts(100, 1000);
    let i = 0;
    let found = 0;
    const t = performance.now();
    const api = await time(
      async () => {
        found += json(await call(suggestions.POST, "POST", { body: { text: texts[i++ % texts.length] } })).suggestions
          .length;
      },
      texts.length,
      0,
    );
    add({
      name: "suggestions, per 1,000-word article",
      api,
      note: `100 articles in ${fmt(performance.now() - t)}, ${found} suggestions`,
    });
  }
  return rows;
}

/** Reads a streamed response chunk by chunk without keeping it: the bytes it carried. */
async function streamBody(handler: Handler, req: Request): Promise<number> {
  const response = await handler(req, { params: Promise.resolve({ id: "" }) });
  if (!response.body || response.status >= 400)
    throw new Error(`report → ${response.status}: ${await response.text()}`);
  let bytes = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return bytes;
    bytes += value.byteLength;
  }
}

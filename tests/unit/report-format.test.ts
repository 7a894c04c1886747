import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { filterSearchParams, parseExplorerParams, parseReportParams } from "@/lib/claims/filter-query";
import { CSV_COLUMNS, csvCell, csvLine } from "@/lib/reports/format-csv";
import { barChartSvg, escapeHtml } from "@/lib/reports/format-html";
import { formatJson } from "@/lib/reports/format-json";
import { escapeMarkdown, textBars } from "@/lib/reports/format-markdown";
import { describeFilters, describeSource, percent } from "@/lib/reports/labels";
import type { ReportParts } from "@/lib/reports/report-meta";

const parseRows = (csv: string): string[][] => parse(csv, { record_delimiter: "\r\n", relax_column_count: false });

describe("CSV cells (RFC 4180)", () => {
  it.each([
    ["plain", "plain"],
    ["with, comma", '"with, comma"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\r\nlf", '"cr\r\nlf"'],
    ["=1+2", "'=1+2"],
    ["+44 20", "'+44 20"],
    ["-5 degrees", "'-5 degrees"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tTab", "'\tTab"],
    ['=HYPERLINK("x","y")', `"'=HYPERLINK(""x"",""y"")"`],
    ["a=b", "a=b"],
    ["", ""],
  ])("writes %j as %j", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("writes numbers, booleans and missing values plainly", () => {
    expect([csvCell(0), csvCell(-3), csvCell(true), csvCell(null), csvCell(undefined)]).toEqual([
      "0",
      "-3",
      "true",
      "",
      "",
    ]);
  });

  it("survives a round trip through a real CSV parser for any text", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "grapheme" }), { minLength: 1, maxLength: 4 }), (texts) => {
        const rows = texts.map((text) => csvLine({ record: "claim", text, note: `${text},"${text}"` })).join("");
        const parsed = parseRows(rows);
        expect(parsed).toHaveLength(texts.length);
        parsed.forEach((cells, i) => {
          const guarded = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
          expect(cells).toHaveLength(CSV_COLUMNS.length);
          expect(cells[CSV_COLUMNS.indexOf("text")]).toBe(guarded(texts[i]));
          expect(cells[CSV_COLUMNS.indexOf("note")]).toBe(guarded(`${texts[i]},"${texts[i]}"`));
        });
      }),
      { numRuns: 300 },
    );
  });

  it("never lets a cell start a formula", () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const [cells] = parseRows(csvLine({ text }));
        expect(cells[CSV_COLUMNS.indexOf("text")]).not.toMatch(/^[=+\-@\t\r]/);
      }),
    );
  });
});

describe("Markdown and HTML escaping", () => {
  it("escapes Markdown punctuation and flattens line breaks", () => {
    expect(escapeMarkdown("*bold* [link](http://x) <b>|</b>\nnext")).toBe(
      "\\*bold\\* \\[link\\]\\(http://x\\) \\<b\\>\\|\\</b\\> next",
    );
    expect(escapeMarkdown("# not a heading")).toBe("\\# not a heading");
  });

  it("escapes HTML so text stays text", () => {
    expect(escapeHtml(`<img src=x onerror="alert('1')">&`)).toBe(
      "&lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt;&amp;",
    );
  });

  it("draws proportional bars with the numbers readable as text", () => {
    const bars = textBars(
      [
        { label: "Paraphrase", value: 8 },
        { label: "Direct quote", value: 1 },
        { label: "Partial quote", value: 0 },
      ],
      16,
    );
    expect(bars.split("\n")).toEqual([
      "```",
      "Paraphrase     ████████████████ 8",
      "Direct quote   ██ 1",
      "Partial quote   0",
      "```",
    ]);
    const svg = barChartSvg("Claims <by> mode", [{ label: "A&B", value: 2 }]);
    expect(svg).toContain('aria-label="Claims &lt;by&gt; mode: A&amp;B 2"');
    expect(svg).toContain('width="260"');
  });
});

describe("labels", () => {
  it("formats shares as percentages", () => {
    expect([percent(0.8), percent(0), percent(1), percent(1 / 3), percent(0.125)]).toEqual([
      "80%",
      "0%",
      "100%",
      "33.3%",
      "12.5%",
    ]);
  });

  it("describes sources and filters in words", () => {
    expect(describeSource({ name: "Four US officials", count: 4, affiliation: "United States government" })).toBe(
      "Four US officials (4, United States government)",
    );
    expect(describeSource({ name: "a third Israeli official", count: 1, affiliation: null })).toBe(
      "a third Israeli official",
    );
    expect(describeFilters({ sourceType: ["anonymous_group", "person"], via: true, q: "rafah" })).toEqual([
      "Source type: Anonymous group, Person",
      "Second-hand: yes",
      "Search: “rafah”",
    ]);
  });
});

describe("filters in the URL", () => {
  it("round-trip through the canonical query string", () => {
    const raw = {
      articleId: ["0b5e6f5e-1c2d-4e3f-8a9b-0c1d2e3f4a5b", "1b5e6f5e-1c2d-4e3f-8a9b-0c1d2e3f4a5b"],
      sourceType: ["anonymous_group", "person"],
      anonymous: "true",
      affiliation: ["Ministry of Health, Gaza", "UN"],
      mode: "paraphrase,direct_quote",
      via: "false",
      reviewStatus: "flagged",
      from: "2026-01-01",
      to: "2026-01-31",
      unsourced: "",
      q: "officials",
      sort: "article",
    };
    const parsed = parseExplorerParams(raw);
    expect(parsed.ok).toBe(true);
    const query = filterSearchParams(parsed.value);
    expect(query.getAll("affiliation")).toEqual(["Ministry of Health, Gaza", "UN"]);
    expect(query.get("sourceType")).toBe("anonymous_group,person");
    const again = parseExplorerParams(
      Object.fromEntries(
        [...new Set(query.keys())].map((k) => [k, query.getAll(k).length > 1 ? query.getAll(k) : query.get(k)!]),
      ),
    );
    expect(again.value).toEqual(parsed.value);
  });

  it("drops blank form fields and reports what it could not read", () => {
    expect(parseReportParams({ q: "", mode: "", sourceType: "person" })).toEqual({
      ok: true,
      value: { sourceType: ["person"] },
    });
    const bad = parseExplorerParams({ mode: "gossip", q: "x" });
    expect(bad.ok).toBe(false);
    expect(bad.value).toMatchObject({ sort: "newest", limit: 50 });
    expect(!bad.ok && bad.message).toMatch(/^mode/);
    expect(parseExplorerParams({ q: "a\u0000b" }).ok).toBe(false);
    expect(parseReportParams({ affiliation: "x\u0000" }).ok).toBe(false);
    expect(parseReportParams({ from: "0000-01-01" }).ok).toBe(false);
    expect(parseReportParams({ from: "2026-02-30" }).ok).toBe(false);
  });
});

describe("the JSON report", () => {
  const source = (i: number) => ({
    id: `s${i}`,
    type: "person",
    name: `Source "${i}" \u2014 \n ok`,
    count: i % 3 ? null : i,
    affiliation: i % 2 ? "Ministry" : null,
    modes: { direct_quote: i, partial_quote: 0, paraphrase: 1 },
  });
  async function* items<T>(list: T[]) {
    yield* list;
  }
  const parts = (sources: unknown[]) =>
    ({
      meta: {
        kind: "filter",
        title: "t",
        generatedAt: "2026-12-02T00:00:00.000Z",
        filters: { via: true },
        article: null,
      },
      summary: {
        totals: { claims: 3 },
        bySourceType: [],
        byMode: [{ mode: "paraphrase", claims: 1 }],
        sources,
        anonymousWithoutReason: 0,
      },
      claims: items([{ id: "c1" }, { id: "c2" }]),
      statements: items([]),
    }) as unknown as ReportParts;
  const collect = async (p: ReportParts) => {
    const chunks: string[] = [];
    for await (const chunk of formatJson(p)) chunks.push(chunk);
    return chunks;
  };

  it.each([0, 1, 450])(
    "prints the head with %i sources exactly as JSON.stringify(…, null, 2) does, a few sources a chunk",
    async (n) => {
      const sources = Array.from({ length: n }, (_, i) => source(i));
      const p = parts(sources);
      const chunks = await collect(p);
      const text = chunks.join("");
      const head = JSON.stringify({ report: p.meta, ...p.summary }, null, 2);
      expect(text.startsWith(`${head.slice(0, -2)},\n  "unsourcedStatements": [],\n  "claims": [`)).toBe(true);
      expect(JSON.parse(text)).toEqual({
        report: p.meta,
        ...p.summary,
        unsourcedStatements: [],
        claims: [{ id: "c1" }, { id: "c2" }],
      });
      // Never the whole sources array in one piece of text.
      const sourcesText = JSON.stringify(sources, null, 2).length;
      if (n > 200) expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(sourcesText / 2);
    },
  );
});

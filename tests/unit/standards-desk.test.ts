import { describe, expect, it } from "vitest";
import { personAttributes } from "@/lib/sources/person-attributes";
import { buildCard } from "@/lib/transparency/build-card";
import { cardDocument } from "@/lib/transparency/card-html";
import { cardStyleSchema, styleOverrides } from "@/lib/transparency/card-style";
import { ReadLimiter } from "@/lib/transparency/read-limiter";
import { lineChartSvg, stackedBarsSvg } from "@/lib/trends/charts";
import { MAX_PERIODS, periodStart, periodsBetween, periodsOf } from "@/lib/trends/periods";

describe("periods", () => {
  it("start months on the 1st and ISO weeks on Monday, as date_trunc does", () => {
    expect(periodStart(new Date("2026-03-31T23:59:59Z"), "month")).toBe("2026-03-01");
    expect(periodStart(new Date("2026-01-01T00:00:00Z"), "week")).toBe("2025-12-29");
    expect(periodStart(new Date("2026-01-04T12:00:00Z"), "week")).toBe("2025-12-29"); // a Sunday
    expect(periodStart(new Date("2026-01-05T00:00:00Z"), "week")).toBe("2026-01-05");
  });

  it("lists every period of a range, quiet ones included", () => {
    expect(periodsBetween({ first: "2025-11-01", last: "2026-02-01", interval: "month" })).toEqual([
      "2025-11-01",
      "2025-12-01",
      "2026-01-01",
      "2026-02-01",
    ]);
    expect(periodsBetween({ first: "2025-12-29", last: "2026-01-12", interval: "week" })).toEqual([
      "2025-12-29",
      "2026-01-05",
      "2026-01-12",
    ]);
  });

  it("refuse a range of more than MAX_PERIODS periods with a validation error, never a silent cut", () => {
    expect(periodsOf({ from: "1950-01-01", to: "2033-04-30", interval: "month" })).toHaveLength(MAX_PERIODS);
    expect(() => periodsOf({ from: "1950-01-01", to: "2033-05-01", interval: "month" })).toThrow(
      expect.objectContaining({ code: "validation_error" }),
    );
    expect(() => periodsOf({ seen: ["2026-01-05", "2000-01-03"], interval: "week" })).toThrow(/more than 1000 weeks/);
    expect(periodsOf({ interval: "week" })).toEqual([]);
  });
});

describe("server-drawn charts", () => {
  it("escape user text (group names) in the SVG and legend", () => {
    const evil = `<img src=x onerror=alert(1)>&"`;
    const svg = lineChartSvg(
      [
        { period: "2026-01-01", series: evil, value: 0.5 },
        { period: "2026-02-01", series: evil, value: null },
        { period: "2026-01-01", series: "B", value: 0.25 },
      ],
      { label: "%" },
    );
    expect(svg).toContain("<svg");
    expect(svg).not.toContain("<img");
    expect(svg).toContain("&lt;img src=x onerror=alert(1)&gt;&amp;");
    const bars = stackedBarsSvg([{ period: "2026-01-01", key: evil, value: 3 }], {
      keys: [evil],
      label: "claims",
      interval: "week",
    });
    expect(bars).not.toContain("<img");
  });
});

describe("the transparency card's HTML", () => {
  const card = buildCard({
    article: {
      id: "x",
      title: `</title><script>alert(1)</script>`,
      outlet: null,
      url: "javascript:alert(1)",
      language: "ar",
      publishedAt: null,
      approvedAt: new Date("2026-01-02T03:04:05Z"),
      publicId: "A".repeat(22),
    },
    claims: { attributed: 0, anonymousOnly: 0, secondHand: 0 },
    sources: [
      { type: "anonymous_group", name: `"><b>x`, role: null, affiliation: null, count: 3, reason: "  ", claims: 1 },
    ],
    chains: [],
  });

  it("escapes text, drops links that are not http(s), and treats a blank reason as none", () => {
    expect(card.article.url).toBeNull();
    expect(card.anonymousSources[0].reason).toBeNull();
    expect(card.claims.anonymousShare).toBeNull();
    const html = cardDocument(card, { embed: true });
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>x");
    expect(html).toContain("&lt;/title&gt;&lt;script&gt;");
    expect(html).toContain('<html lang="ar" class="sd-embed">');
    expect(html).toContain("no reason was recorded");
    expect(html).toContain("@media print");
  });

  it("takes only CSS-safe values for its variables", () => {
    expect(styleOverrides(cardStyleSchema.parse({ accent: "rgb(10, 20, 30)", font: "Noto Sans, sans-serif" }))).toBe(
      ":root{--sd-accent:rgb(10, 20, 30);--sd-font:Noto Sans, sans-serif}",
    );
    for (const bad of [
      { accent: "red;}" },
      { font: "x</style>" },
      { background: "url(//evil)" },
      { text: "expression(1)" },
    ])
      expect(cardStyleSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    expect(cardStyleSchema.parse({ fbclid: "abc" })).toEqual({});
  });
});

describe("ReadLimiter", () => {
  it("allows max requests per address in a window, then says when to retry, and forgets after the window", () => {
    const limiter = new ReadLimiter(2, 60_000);
    expect(limiter.take("a", 0).allowed).toBe(true);
    expect(limiter.take("a", 1).allowed).toBe(true);
    expect(limiter.take("a", 2)).toEqual({ allowed: false, retryAfterSeconds: 60 });
    expect(limiter.take("b", 3).allowed).toBe(true);
    expect(limiter.take("a", 60_000).allowed).toBe(true);
  });

  it("keeps its memory bounded: past maxKeys, new addresses share one bucket", () => {
    const limiter = new ReadLimiter(1, 60_000, 2);
    limiter.take("a", 0);
    limiter.take("b", 0);
    expect(limiter.take("c", 0).allowed).toBe(true);
    expect(limiter.take("d", 0).allowed).toBe(false);
    expect(limiter.take("a", 0).allowed).toBe(false);
  });
});

describe("person attributes", () => {
  it("reads the configured list, skipping bad keys, duplicates and gender", () => {
    expect(personAttributes("ethnicity=Ethnicity, disability, Bad Key=x, gender=G, ethnicity=Again")).toEqual([
      { key: "ethnicity", label: "Ethnicity" },
      { key: "disability", label: "disability" },
    ]);
    expect(personAttributes("")).toEqual([]);
  });
});

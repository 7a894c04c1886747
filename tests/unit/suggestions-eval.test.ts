import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { type Suggestion, suggestAttributions } from "../../lib/suggestions/engine";
import {
  evaluateSuggestions,
  type GoldArticle,
  matchGreedy,
  overlapRatio,
} from "../../lib/suggestions/engine/evaluate/evaluate-suggestions";

const FIXTURES = path.resolve(import.meta.dirname, "../../fixtures");
// Only folders with a gold file: fixtures/corpus/ holds whole corpora, scored by npm run eval instead.
const fixtures = readdirSync(FIXTURES).filter((d) => existsSync(path.join(FIXTURES, d, "gold.json")));
const load = (name: string) => ({
  text: readFileSync(path.join(FIXTURES, name, "article.txt"), "utf8"),
  gold: JSON.parse(readFileSync(path.join(FIXTURES, name, "gold.json"), "utf8")),
});

const sug = (
  content: [number, number],
  mention: [number, number] | null,
  cue: [number, number] | null,
  extra: Partial<Suggestion> = {},
): Suggestion => ({
  source: {
    type: "person",
    name: "X",
    count: null,
    affiliation: null,
    role: null,
    anonymityReason: null,
    existingSourceId: null,
  },
  content: { start: content[0], end: content[1] },
  mention: mention && { start: mention[0], end: mention[1] },
  cue: cue && { start: cue[0], end: cue[1] },
  mode: "paraphrase",
  via: null,
  kind: "speech_reported",
  confidence: 0.9,
  ...extra,
});
const goldOf = (claims: GoldArticle["claims"]): GoldArticle => ({
  sources: [{ id: "x", type: "person", count: null }],
  claims,
});
const claim = (
  id: string,
  content: [number, number],
  mention: [number, number] | null,
  cue: [number, number] | null,
) => ({
  id,
  source: "x",
  mode: "paraphrase" as const,
  content: { start: content[0], end: content[1] },
  sourceMention: mention && { start: mention[0], end: mention[1] },
  cue: cue && { start: cue[0], end: cue[1] },
});

describe("evaluateSuggestions", () => {
  it("measures overlap against the gold span", () => {
    expect(overlapRatio({ start: 0, end: 10 }, { start: 5, end: 20 })).toBe(0.5);
    expect(overlapRatio({ start: 0, end: 10 }, { start: 10, end: 20 })).toBe(0);
  });

  it("matches one-to-one, best pair first", () => {
    const m = matchGreedy(2, 1, (g, p) => (g === 0 ? 0.6 : 0.9) + p);
    expect([...m]).toEqual([[1, 0]]);
  });

  it("needs mention, cue and content for a whole match, and null to match null", () => {
    const gold = goldOf([claim("C1", [10, 30], [0, 5], [6, 9]), claim("C2", [40, 60], null, null)]);
    const ev = evaluateSuggestions(gold, [sug([10, 30], [0, 5], [6, 9]), sug([40, 60], [35, 38], null)]);
    expect(ev.claims.map((c) => c.passed)).toEqual([true, false]);
    expect(ev.scores.whole).toMatchObject({ tp: 1, gold: 2, pred: 2, f1: 0.5 });
    expect(ev.scores.contentExact.tp).toBe(2);
  });

  it("counts spurious suggestions against precision", () => {
    const ev = evaluateSuggestions(goldOf([]), [sug([0, 5], [6, 7], [8, 9])]);
    expect(ev.scores.whole).toMatchObject({ precision: 0, recall: 1, f1: 0 });
  });
});

describe("gold fixtures", () => {
  it.each(fixtures)("%s: gold spans match their text", (name) => {
    const { text, gold } = load(name);
    for (const c of gold.claims) {
      for (const s of [c.content, c.sourceMention, c.cue, ...(c.contentParts ?? [])]) {
        if (s) expect(text.slice(s.start, s.end)).toBe(s.text);
      }
    }
  });

  it.each(fixtures)("%s: every suggested span lies inside the text and outside headings", (name) => {
    const { text, gold } = load(name);
    for (const s of suggestAttributions(text)) {
      for (const sp of [s.content, s.mention, s.cue, ...(s.contentParts ?? [])]) {
        if (!sp) continue;
        expect(sp.start).toBeGreaterThanOrEqual(0);
        expect(sp.end).toBeLessThanOrEqual(text.length);
        expect(sp.start).toBeLessThan(sp.end);
        for (const h of gold.headings) expect(sp.start >= h.end || sp.end <= h.start).toBe(true);
      }
      expect(s.confidence).toBeGreaterThan(0);
      expect(s.confidence).toBeLessThanOrEqual(1);
    }
  });

  it("rafah: whole-attribution F1 is at least 0.9", () => {
    const { text, gold } = load("rafah");
    const ev = evaluateSuggestions(gold, suggestAttributions(text));
    expect(ev.scores.whole.f1).toBeGreaterThanOrEqual(0.9);
  });

  it("rafah: the same with the gold statement split", () => {
    const { text, gold } = load("rafah");
    const statements = [
      ...gold.headings.map((h: { start: number; end: number }) => ({ ...h, kind: "heading" as const })),
      ...gold.sentences.map((s: { start: number; end: number }) => ({ ...s, kind: "sentence" as const })),
    ].sort((a, b) => a.start - b.start);
    expect(evaluateSuggestions(gold, suggestAttributions(text, { statements })).scores.whole.f1).toBeGreaterThanOrEqual(
      0.9,
    );
  });

  it("suggests nothing for the article without attributions", () => {
    expect(suggestAttributions(load("no-attribution-bridge").text)).toEqual([]);
  });

  it("returns nothing for empty or heading-only text", () => {
    expect(suggestAttributions("")).toEqual([]);
    expect(suggestAttributions("Strategic Shift in Tackling Hamas")).toEqual([]);
  });
});

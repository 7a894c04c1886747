import { describe, expect, it } from "vitest";
import { reanchorArticle, type StoredClaim } from "@/lib/anchoring/reanchor-article";
import { boundedDistance } from "@/lib/anchoring/reanchor-fuzzy";
import { quoteSelector } from "@/lib/anchoring/text-quote";

// Hostile edits must cost time linear in the texts, whatever the claims: these took minutes before
// the shared work budget (lib/anchoring/work-budget.ts); the bounds below leave a wide margin.
const WORDS = "the minister said that officials would meet again next week after talks ended".split(" ");
function prose(length: number, seed: number): string {
  let s = seed;
  const out: string[] = [];
  for (let n = 0; n < length; ) {
    s = (s * 1664525 + 1013904223) >>> 0;
    const word = WORDS[s % WORDS.length];
    out.push(s % 17 === 0 ? `${word}. ` : `${word} `);
    n += word.length + 1;
  }
  return out.join("").slice(0, length);
}

function claimsAt(body: string, count: number, length: number, step: number): StoredClaim[] {
  return Array.from({ length: count }, (_, i) => {
    const start = (i * step) % (body.length - length);
    const span = { start, end: start + length };
    return { id: `c${i}`, ...span, ...quoteSelector(body, span), orphaned: false, parts: null };
  });
}

function timed(oldBody: string, newBody: string, claims: StoredClaim[]) {
  const t = performance.now();
  const plan = reanchorArticle({ oldBody, newBody, claims, attributions: [] });
  return { ms: performance.now() - t, plan };
}

describe("re-anchoring stays bounded", () => {
  it("2,000 claims through a whole-text replacement of 100 kB", () => {
    const body = prose(100_000, 1);
    const { ms, plan } = timed(body, prose(100_000, 2), claimsAt(body, 2000, 300, 47));
    expect(plan.claims.every((c) => c.outcome === "orphaned")).toBe(true);
    expect(ms).toBeLessThan(4000);
  });

  it("2,000 claims on one passage a third rewritten", () => {
    const body = prose(100_000, 3);
    const claims = claimsAt(body, 2000, 1500, 0).map((c) => ({ ...c, id: `${c.id}` }));
    const chars = body.split("");
    for (let i = 0; i < 1500; i += 3) chars[i] = "#";
    const { ms } = timed(body, chars.join(""), claims);
    expect(ms).toBeLessThan(4000);
  });

  it("a 200,000-character quote with one character changed is one banded pass, not its length squared", () => {
    const quote = prose(200_000, 4);
    const edited = `${quote.slice(0, 100_000)}#${quote.slice(100_001)}`;
    const t = performance.now();
    expect(boundedDistance(quote, edited, 50_000)).toBe(1);
    expect(performance.now() - t).toBeLessThan(2000);
  });
});

describe("a find-and-replace through a long text", () => {
  it("adjusts every claim to its copy-edited sentence although the diff gives the middle up as one replacement", () => {
    const sentence = (day: string, i: number) => `Talks number ${i} would resume on ${day} in Cairo, he said. `;
    const oldBody = Array.from({ length: 3000 }, (_, i) => sentence("Monday", i)).join("");
    const newBody = Array.from({ length: 3000 }, (_, i) => sentence("Tuesday", i)).join("");
    const picks = [5, 1500, 2990];
    const claims = picks.map((i) => {
      const start = oldBody.indexOf(sentence("Monday", i));
      const span = { start, end: start + sentence("Monday", i).trimEnd().length };
      return { id: `c${i}`, ...span, ...quoteSelector(oldBody, span), orphaned: false, parts: null };
    });
    const { ms, plan } = timed(oldBody, newBody, claims);
    expect(plan.claims.map((c) => [c.outcome, newBody.slice(c.next.start, c.next.end)])).toEqual(
      picks.map((i) => ["adjusted", sentence("Tuesday", i).trimEnd()]),
    );
    expect(ms).toBeLessThan(2000);
  });
});

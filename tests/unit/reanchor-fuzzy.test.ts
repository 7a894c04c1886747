import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reanchorSpan } from "@/lib/anchoring/reanchor";
import { reanchorArticle, type StoredClaim } from "@/lib/anchoring/reanchor-article";
import { diffText } from "@/lib/anchoring/reanchor-diff";
import { allowedEdits, approximateSearch, boundedDistance, wordsKept } from "@/lib/anchoring/reanchor-fuzzy";
import { quoteSelector } from "@/lib/anchoring/text-quote";
import type { Span } from "@/lib/spans/check-span";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const rafah = readFileSync(path.join(ROOT, "fixtures/rafah/article.txt"), "utf8");
const gold = JSON.parse(readFileSync(path.join(ROOT, "fixtures/rafah/gold.json"), "utf8")) as {
  claims: { id: string; content: Span & { text: string }; cue: Span }[];
};

/** Full Levenshtein distance, the slow obvious way. */
function levenshtein(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1), row[j] + 1, next[j - 1] + 1);
    row = next;
  }
  return row[b.length];
}

function reanchorPhrase(oldBody: string, newBody: string, phrase: string) {
  const start = oldBody.indexOf(phrase);
  const span = { start, end: start + phrase.length };
  const result = reanchorSpan(diffText(oldBody, newBody), newBody, quoteSelector(oldBody, span), span);
  return { ...result, text: result.span ? newBody.slice(result.span.start, result.span.end) : null };
}

const claimOf = (body: string, span: Span, id: string): StoredClaim => ({
  id,
  ...span,
  ...quoteSelector(body, span),
  orphaned: false,
  parts: null,
});

describe("boundedDistance", () => {
  it("counts insertions, deletions and substitutions up to the bound", () => {
    expect(boundedDistance("1.3 million", "1.4 million", 2)).toBe(1);
    expect(boundedDistance("kitten", "sitting", 3)).toBe(3);
    expect(boundedDistance("kitten", "sitting", 2)).toBeNull();
    expect(boundedDistance("", "", 0)).toBe(0);
    expect(boundedDistance("abc", "", 2)).toBeNull();
  });

  it("agrees with the full Levenshtein distance whenever that is within the bound", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.string({ maxLength: 20 }), fc.nat(8), (a, b, max) => {
        const full = levenshtein(a, b);
        expect(boundedDistance(a, b, max)).toBe(full <= max ? full : null);
      }),
      { numRuns: 500 },
    );
  });
});

describe("approximateSearch", () => {
  it("finds the closest substring anywhere in the window, nearest the preferred end on a tie", () => {
    const text = "xx the army is still studing plans yy";
    expect(approximateSearch("the army is still studying plans", text, 3, text.length)).toMatchObject({
      start: 3,
      end: 34,
      distance: 1,
    });
    expect(approximateSearch("completely different", text, 3, 0)).toBeNull();
  });
});

describe("wordsKept", () => {
  it("is the share of the old words still there in order", () => {
    expect(wordsKept("the safety of 1.3 million people", "the safety of 1.4 million people")).toBeCloseTo(6 / 7);
    expect(wordsKept("we did it", "we did 💪")).toBeCloseTo(2 / 3);
    expect(wordsKept("", "")).toBe(1);
  });
});

describe("fuzzy re-anchoring of copy edits", () => {
  it('adjusts C6 of the Rafah report when "1.3" becomes "1.4", keeping every other claim and cue', () => {
    const edited = rafah.replace("1.3 million", "1.4 million");
    const claims = gold.claims.map((c) => claimOf(rafah, c.content, c.id));
    const attributions = gold.claims.map((c) => ({
      id: `${c.id}a`,
      claimId: c.id,
      cueStart: c.cue.start,
      cueEnd: c.cue.end,
      mentionStart: null,
      mentionEnd: null,
    }));
    const plan = reanchorArticle({ oldBody: rafah, newBody: edited, claims, attributions });
    const c6 = plan.claims.find((c) => c.id === "C6")!;
    expect(c6.outcome).toBe("adjusted");
    expect(c6.next.orphaned).toBe(false);
    expect(c6.next.text).toBe(gold.claims.find((c) => c.id === "C6")!.content.text.replace("1.3", "1.4"));
    expect(edited.slice(c6.next.start, c6.next.end)).toBe(c6.next.text);
    expect(plan.claims.filter((c) => c.id !== "C6").every((c) => c.outcome === "kept")).toBe(true);
    expect(plan.attributions.every((a) => a.cue === "kept")).toBe(true);
  });

  it("adjusts a claim whose one word was retyped, and covers whole words", () => {
    const body = "Officials said the army is still studying proposals and plans for the city. Others disagreed.";
    const result = reanchorPhrase(
      body,
      body.replace("studying", "reviewing"),
      "the army is still studying proposals and plans for the city",
    );
    expect(result).toMatchObject({
      outcome: "adjusted",
      text: "the army is still reviewing proposals and plans for the city",
    });
    const typo = reanchorPhrase(body, body.replace("proposals", "proposal"), "the army is still studying proposals");
    expect(typo.text).toBe("the army is still studying proposal");
  });

  it("loses a short phrase whose meaning changed, and every cue of one word", () => {
    const body = "The minister said the plan was sound. Critics disagreed.";
    expect(reanchorPhrase(body, body.replace("sound", "weak"), "the plan was sound").outcome).toBe("lost");
    expect(reanchorPhrase(body, body.replace("said", "says"), "said").outcome).toBe("lost");
    expect(reanchorPhrase('the coach said "we did it" 🏆', 'the coach said "we did 💪" 🏆', "we did it").outcome).toBe(
      "lost",
    );
  });

  it("orphans a claim whose sentence was deleted, even when a near copy of it stands further on", () => {
    const sentence = "The army is still studying proposals and plans to ensure the safety of civilians.";
    const copy = sentence.replace("studying", "reading");
    const body = `${sentence}${" Other news followed at length.".repeat(8)} ${copy}`;
    const claim = claimOf(body, { start: 0, end: sentence.length - 1 }, "c");
    const edited = body.slice(sentence.length + 1);
    const [plan] = reanchorArticle({ oldBody: body, newBody: edited, claims: [claim], attributions: [] }).claims;
    expect(plan.outcome).toBe("orphaned");
    // The same near copy right where the sentence was is a copy edit.
    const inPlace = body.replace(sentence, copy);
    const [near] = reanchorArticle({ oldBody: body, newBody: inPlace, claims: [claim], attributions: [] }).claims;
    expect(near).toMatchObject({ outcome: "adjusted", next: { start: 0, text: copy.slice(0, -1) } });
  });

  it("keeps a copy-edited split quote's parts", () => {
    const body = '"We will stay in 2024," he said, "and we will rebuild the schools."';
    const parts = [
      { start: 1, end: body.indexOf(',"') },
      { start: body.indexOf("and"), end: body.lastIndexOf(".") },
    ];
    const claim = { ...claimOf(body, { start: parts[0].start, end: parts[1].end }, "c"), parts };
    const edited = body.replace("2024", "2025");
    const [plan] = reanchorArticle({ oldBody: body, newBody: edited, claims: [claim], attributions: [] }).claims;
    expect(plan.outcome).toBe("adjusted");
    expect(plan.next.parts!.map((p) => edited.slice(p.start, p.end))).toEqual([
      "We will stay in 2025",
      "and we will rebuild the schools",
    ]);
  });

  it("allows edits in proportion to the quote and none for short ones", () => {
    expect(allowedEdits(4)).toBe(0);
    expect(allowedEdits(7)).toBe(0);
    expect(allowedEdits(40)).toBe(10);
  });

  it("stays fast on a long claim in a long text", () => {
    const claimText = Array.from({ length: 300 }, (_, i) => `word${i}`).join(" ");
    const body = `${"Intro sentence here. ".repeat(2000)}${claimText}. ${"Outro text here. ".repeat(2000)}`;
    const edited = body.replace("word150", "word15O");
    const started = performance.now();
    const result = reanchorPhrase(body, edited, claimText);
    expect(result.outcome).toBe("adjusted");
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

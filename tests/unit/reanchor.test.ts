import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { placeholderSpan, reanchorSpan } from "@/lib/anchoring/reanchor";
import { reanchorArticle, type StoredAttribution, type StoredClaim } from "@/lib/anchoring/reanchor-article";
import { diffText, mapEnd, mapStart } from "@/lib/anchoring/reanchor-diff";
import { allowedEdits, boundedDistance } from "@/lib/anchoring/reanchor-fuzzy";
import { contextShare, findOccurrences, searchQuote } from "@/lib/anchoring/reanchor-search";
import { quoteSelector } from "@/lib/anchoring/text-quote";
import { type Span, spanProblem } from "@/lib/spans/check-span";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const rafah = readFileSync(path.join(ROOT, "fixtures/rafah/article.txt"), "utf8");
const gold = JSON.parse(readFileSync(path.join(ROOT, "fixtures/rafah/gold.json"), "utf8")) as {
  claims: {
    id: string;
    content: Span & { text: string };
    cue: Span & { text: string };
    sourceMention: Span & { text: string };
  }[];
};

/** Re-anchors the first occurrence of `phrase` (or the `nth`) from `oldBody` to `newBody`. */
function move(oldBody: string, newBody: string, phrase: string, nth = 0) {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = oldBody.indexOf(phrase, start + 1);
  if (start < 0) throw new Error(`"${phrase}" not in the old body`);
  const span = { start, end: start + phrase.length };
  return reanchorSpan(diffText(oldBody, newBody), newBody, quoteSelector(oldBody, span), span);
}

function storedClaim(body: string, span: Span, id = "c", parts: Span[] | null = null): StoredClaim {
  return { id, ...span, ...quoteSelector(body, span), orphaned: false, parts };
}

describe("diffText", () => {
  it("aligns identical texts as one equal segment", () => {
    const edit = diffText("same text", "same text");
    expect(edit.segments).toEqual([{ oldStart: 0, oldEnd: 9, newStart: 0, newEnd: 9, equal: true }]);
    expect(mapStart(edit, 5)).toBe(5);
  });

  it("maps offsets around an insertion: spans starting there follow it, spans ending there stay before it", () => {
    const edit = diffText("Hello world.", "Hello big world.");
    expect(mapStart(edit, 6)).toBe(10);
    expect(mapEnd(edit, 6)).toBe(6);
    expect(mapStart(edit, 0)).toBe(0);
    expect(mapEnd(edit, 12)).toBe(16);
  });

  it("finds several separate edits in one change (token diff of the middle)", () => {
    const oldText = "Alpha said one. Beta said two. Gamma said three.";
    const newText = "Alpha told one. Beta said two. Gamma claimed three!";
    const edit = diffText(oldText, newText);
    const beta = oldText.indexOf("Beta said two.");
    expect(newText.slice(mapStart(edit, beta), mapEnd(edit, beta + 14))).toBe("Beta said two.");
    for (const s of edit.segments.filter((x) => x.equal)) {
      expect(newText.slice(s.newStart, s.newEnd)).toBe(oldText.slice(s.oldStart, s.oldEnd));
    }
  });

  it("never puts a segment boundary inside an emoji whose halves partly match", () => {
    const oldText = "a😀b";
    const newText = "a😁b"; // same high surrogate, different low one
    for (const s of diffText(oldText, newText).segments) {
      expect([s.oldStart, s.oldEnd].some((i) => i === 2)).toBe(false);
      expect([s.newStart, s.newEnd].some((i) => i === 2)).toBe(false);
    }
  });

  it("covers both texts completely for any pair of strings", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "grapheme", maxLength: 60 }),
        fc.string({ unit: "grapheme", maxLength: 60 }),
        (a, b) => {
          const { segments } = diffText(a, b);
          let o = 0;
          let n = 0;
          for (const s of segments) {
            expect([s.oldStart, s.newStart]).toEqual([o, n]);
            if (s.equal) expect(b.slice(s.newStart, s.newEnd)).toBe(a.slice(s.oldStart, s.oldEnd));
            o = s.oldEnd;
            n = s.newEnd;
          }
          expect([o, n]).toEqual([a.length, b.length]);
        },
      ),
    );
  });

  it("falls back to one replacement when the texts have almost nothing in common, without blowing up", () => {
    const words = (seed: number) => Array.from({ length: 4000 }, (_, i) => `w${(i * seed) % 997}`).join(" ");
    const started = Date.now();
    const edit = diffText(words(7), words(13));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(edit.segments.at(-1)?.newEnd).toBe(words(13).length);
  });
});

describe("reanchorSpan", () => {
  const body = "The minister said the plan was sound. Critics disagreed. The minister said it again.";

  it("keeps a span when the edit is after it", () => {
    expect(move(body, `${body} More text.`, "the plan was sound")).toEqual({
      outcome: "kept",
      span: { start: 18, end: 36 },
    });
  });

  it("moves a span when text is inserted before it", () => {
    const result = move(body, `Breaking: ${body}`, "the plan was sound");
    expect(result).toEqual({ outcome: "moved", span: { start: 28, end: 46 } });
  });

  it("moves a span when text before it is deleted", () => {
    const newBody = body.replace("Critics disagreed. ", "");
    const result = move(body, newBody, "said it again");
    expect(result.outcome).toBe("moved");
    expect(newBody.slice(result.span!.start, result.span!.end)).toBe("said it again");
  });

  it("loses a span whose text was edited inside (never re-attached to different words)", () => {
    expect(move(body, body.replace("plan was sound", "plan was weak"), "the plan was sound")).toEqual({
      outcome: "lost",
      span: null,
    });
  });

  it("loses a span whose sentence was deleted", () => {
    expect(move(body, body.replace("Critics disagreed. ", ""), "Critics disagreed")).toEqual({
      outcome: "lost",
      span: null,
    });
  });

  it("keeps an edit right at either edge of the span outside the span", () => {
    const newBody = body.replace("the plan was sound", "«the plan was sound»");
    const result = move(body, newBody, "the plan was sound");
    expect(newBody.slice(result.span!.start, result.span!.end)).toBe("the plan was sound");
  });

  describe("repeated phrases", () => {
    const said = '"We will stay," he said. "We will fight," he said. "We will win," he said. "Never," he said.';

    it('follows the right "he said" when another one is inserted before it', () => {
      const newBody = said.replace('"We will win,"', '"We will rest," he said. "We will win,"');
      const result = move(said, newBody, "he said", 2);
      expect(result.outcome).toBe("moved");
      expect(newBody.slice(result.span!.start - 15, result.span!.end)).toBe('"We will win," he said');
    });

    it('does not move a deleted "he said" onto another one', () => {
      const newBody = said.replace(' "We will fight," he said.', "");
      expect(move(said, newBody, "he said", 1)).toEqual({ outcome: "lost", span: null });
    });

    it("keeps every other occurrence on its own sentence after the deletion", () => {
      const newBody = said.replace(' "We will fight," he said.', "");
      for (const [nth, before] of [
        [0, 'stay," '],
        [2, 'win," '],
        [3, 'Never," '],
      ] as const) {
        const { span } = move(said, newBody, "he said", nth);
        expect(newBody.slice(span!.start - before.length, span!.start)).toBe(before);
      }
    });
  });

  it("finds a paragraph that was moved elsewhere by its context", () => {
    const p1 = "First paragraph says nothing much at all here.";
    const p2 = "The general said that the offensive would start in spring, officials confirmed.";
    const p3 = "Third paragraph closes the story with a summary.";
    const oldBody = [p1, p2, p3].join("\n\n");
    const newBody = [p1, p3, p2].join("\n\n");
    const result = move(oldBody, newBody, "the offensive would start");
    expect(["moved", "found"]).toContain(result.outcome);
    expect(newBody.slice(result.span!.start, result.span!.end)).toBe("the offensive would start");
    expect(result.span!.start).toBe(newBody.indexOf("the offensive would start"));
  });

  it("handles emoji before and inside spans in UTF-16 code units", () => {
    const oldBody = 'Fans cheered 🎉 and the coach said "we did it" 🏆 loudly.';
    const before = move(oldBody, `🔥🔥 ${oldBody}`, "we did it");
    expect(before).toEqual({
      outcome: "moved",
      span: { start: oldBody.indexOf("we did it") + 5, end: oldBody.indexOf("we did it") + 14 },
    });
    expect(move(oldBody, oldBody.replace("did it", "did 💪 it"), "we did it")).toEqual({ outcome: "lost", span: null });
    const emoji = move(oldBody, oldBody.replace("Fans", "All fans"), "🏆");
    expect(emoji.outcome).toBe("moved");
    expect(emoji.span!.end - emoji.span!.start).toBe(2);
  });

  it("re-anchors Arabic text through edits before the span", () => {
    const oldBody = "قال مسؤول إسرائيلي إن الجيش ما زال يدرس الخطط. وأضاف أن العملية حتمية في النهاية.";
    const newBody = `عاجل: ${oldBody.replace("قال مسؤول", "قال مسؤول كبير")}`;
    const result = move(oldBody, newBody, "العملية حتمية");
    expect(result.outcome).toBe("moved");
    expect(newBody.slice(result.span!.start, result.span!.end)).toBe("العملية حتمية");
    expect(move(oldBody, newBody, "مسؤول إسرائيلي")).toEqual({ outcome: "lost", span: null });
  });

  it("finds a long distinctive quote once even when its surroundings were rewritten", () => {
    const quote = "we cannot win this war without defeating the brigades in the city";
    const oldBody = `Yesterday an official told reporters that ${quote}, according to the transcript.`;
    const newBody = `In an interview on Sunday a senior aide repeated: ${quote}; nobody objected to that.`;
    const result = move(oldBody, newBody, quote);
    expect(["moved", "found"]).toContain(result.outcome);
    expect(newBody.slice(result.span!.start, result.span!.end)).toBe(quote);
    const selector = quoteSelector(oldBody, {
      start: oldBody.indexOf(quote),
      end: oldBody.indexOf(quote) + quote.length,
    });
    expect(searchQuote(newBody, selector, 0)?.start).toBe(newBody.indexOf(quote));
    expect(searchQuote(newBody, { ...selector, text: "said" }, 0)).toBeNull();
  });
});

describe("searchQuote", () => {
  it("picks the occurrence whose context matches, then the one nearest the hint", () => {
    const body = "x said yes. y said no. x said yes.";
    const quote = { text: "said", prefix: "y ", suffix: " no" };
    expect(searchQuote(body, quote, 0)?.start).toBe(body.indexOf("y said") + 2);
    const plain = { text: "said", prefix: "x ", suffix: " yes" };
    expect(searchQuote(body, plain, 30)?.start).toBe(body.lastIndexOf("said"));
    expect(searchQuote(body, plain, 0)?.start).toBe(2);
  });

  it("refuses an occurrence with too little of its context", () => {
    expect(
      searchQuote("Another person said so.", { text: "said", prefix: "The minister ", suffix: " it was fine" }, 0),
    ).toBeNull();
    expect(contextShare("ab said cd", { text: "said", prefix: "ab ", suffix: " cd" }, 3)).toBe(1);
  });

  it("counts overlapping occurrences but never ones that cut an emoji", () => {
    expect(findOccurrences("aaaa", "aa")).toEqual([0, 1, 2]);
    expect(findOccurrences("😀😀", "😀")).toEqual([0, 2]);
  });
});

describe("placeholderSpan", () => {
  it("parks a deleted span on one character where it was, inside the new body", () => {
    const oldBody = "Keep this. Drop this sentence. Keep that.";
    const newBody = "Keep this. Keep that.";
    const start = oldBody.indexOf("Drop");
    const span = placeholderSpan(diffText(oldBody, newBody), newBody, { start, end: start + 19 });
    expect(spanProblem(newBody, span)).toBeNull();
    expect(span.start).toBe(11);
    expect(span.end).toBe(12);
  });

  it("covers whatever replaced the span", () => {
    const oldBody = "He said: old words here. End.";
    const newBody = "He said: entirely new words. End.";
    const span = placeholderSpan(diffText(oldBody, newBody), newBody, { start: 9, end: 23 });
    expect(newBody.slice(span.start, span.end)).toContain("entirely new");
  });

  it("stays non-empty and emoji-safe at the very end of the body", () => {
    const oldBody = "Text ends with a quote that goes away";
    const newBody = "Text ends 🎉";
    const span = placeholderSpan(diffText(oldBody, newBody), newBody, { start: 17, end: oldBody.length });
    expect(spanProblem(newBody, span)).toBeNull();
    expect(span.end).toBe(newBody.length);
  });
});

describe("reanchorArticle", () => {
  it("shifts all ten gold claims, cues and mentions of the Rafah article when a paragraph is added on top", () => {
    const intro = "Editor's note: this story was updated with new reporting. 🔄\n\n";
    const newBody = intro + rafah;
    const claims = gold.claims.map((c) => storedClaim(rafah, c.content, c.id));
    const attributions: StoredAttribution[] = gold.claims.map((c) => ({
      id: `a-${c.id}`,
      claimId: c.id,
      cueStart: c.cue.start,
      cueEnd: c.cue.end,
      mentionStart: c.sourceMention.start,
      mentionEnd: c.sourceMention.end,
    }));
    const plan = reanchorArticle({ oldBody: rafah, newBody, claims, attributions });
    for (const [i, c] of gold.claims.entries()) {
      expect(plan.claims[i]).toMatchObject({
        id: c.id,
        outcome: "moved",
        changed: true,
        next: { start: c.content.start + intro.length, orphaned: false },
      });
      expect(newBody.slice(plan.claims[i].next.start, plan.claims[i].next.end)).toBe(c.content.text);
      const a = plan.attributions[i];
      expect([a.cue, a.mention]).toEqual(["moved", "moved"]);
      expect(newBody.slice(a.next.cueStart!, a.next.cueEnd!)).toBe(c.cue.text);
      expect(newBody.slice(a.next.mentionStart!, a.next.mentionEnd!)).toBe(c.sourceMention.text);
    }
  });

  it("orphans only C9 when its clause is deleted, and drops its cue and mention", () => {
    const cut = rafah.indexOf("The information also came after");
    const newBody = `${rafah.slice(0, cut)}National${rafah.slice(rafah.indexOf(" security adviser Jake Sullivan"))}`;
    const claims = gold.claims.map((c) => storedClaim(rafah, c.content, c.id));
    const c9 = gold.claims.find((c) => c.id === "C9")!;
    const attributions: StoredAttribution[] = [
      {
        id: "a9",
        claimId: "C9",
        cueStart: c9.cue.start,
        cueEnd: c9.cue.end,
        mentionStart: c9.sourceMention.start,
        mentionEnd: c9.sourceMention.end,
      },
    ];
    const plan = reanchorArticle({ oldBody: rafah, newBody, claims, attributions });
    for (const c of plan.claims) {
      expect(spanProblem(newBody, c.next)).toBeNull();
      if (c.id === "C9") {
        expect(c).toMatchObject({ outcome: "orphaned", next: { orphaned: true, text: c9.content.text } });
      } else {
        expect(c.next.orphaned).toBe(false);
        expect(newBody.slice(c.next.start, c.next.end)).toBe(gold.claims.find((g) => g.id === c.id)!.content.text);
      }
    }
    expect(plan.attributions[0]).toMatchObject({
      cue: "lost",
      mention: "lost",
      changed: true,
      next: { cueStart: null, mentionStart: null },
    });
  });

  it("re-attaches an orphaned claim when its text comes back with its context, and keeps unchanged claims unchanged", () => {
    const oldBody = "Intro line here. The mayor said the bridge will reopen in May. Closing line.";
    const span = { start: oldBody.indexOf("the bridge"), end: oldBody.indexOf(" in May") };
    const cut = oldBody.replace("The mayor said the bridge will reopen in May. ", "");
    const first = reanchorArticle({ oldBody, newBody: cut, claims: [storedClaim(oldBody, span)], attributions: [] })
      .claims[0];
    expect(first.outcome).toBe("orphaned");
    const orphan: StoredClaim = { id: "c", ...first.next };
    const back = reanchorArticle({ oldBody: cut, newBody: oldBody, claims: [orphan], attributions: [] }).claims[0];
    expect(back).toMatchObject({ outcome: "reattached" });
    expect(back.next).toEqual({ ...span, ...quoteSelector(oldBody, span), orphaned: false, parts: null });
    const unrelated = reanchorArticle({ oldBody: cut, newBody: `${cut} More.`, claims: [orphan], attributions: [] })
      .claims[0];
    expect(unrelated.outcome).toBe("still_orphaned");
    expect(spanProblem(`${cut} More.`, unrelated.next)).toBeNull();
    const same = reanchorArticle({
      oldBody,
      newBody: `${oldBody} P.S.`,
      claims: [storedClaim(oldBody, span)],
      attributions: [],
    }).claims[0];
    expect(same).toMatchObject({ outcome: "kept", changed: true }); // the suffix context grew
    const far = `${oldBody} ${"Filler words. ".repeat(5)}`;
    const none = reanchorArticle({
      oldBody: `${far}!`,
      newBody: `${far}?`,
      claims: [storedClaim(`${far}!`, span)],
      attributions: [],
    }).claims[0];
    expect(none).toMatchObject({ outcome: "kept", changed: false });
  });

  describe("split quotes", () => {
    const oldBody = '"We will win," he said, "whatever it takes." Then he left.';
    const parts = [
      { start: 1, end: 13 },
      { start: oldBody.indexOf("whatever"), end: oldBody.indexOf("takes.") + 6 },
    ];
    const whole = { start: 1, end: parts[1].end };

    it("shifts the parts with the whole quote", () => {
      const newBody = `Update: ${oldBody}`;
      const [c] = reanchorArticle({
        oldBody,
        newBody,
        claims: [storedClaim(oldBody, whole, "c", parts)],
        attributions: [],
      }).claims;
      expect(c.next.parts!.map((p) => newBody.slice(p.start, p.end))).toEqual(["We will win,", "whatever it takes."]);
    });

    it("keeps both parts when only the interruption changed", () => {
      const newBody = oldBody.replace("he said", "the coach insisted");
      const [c] = reanchorArticle({
        oldBody,
        newBody,
        claims: [storedClaim(oldBody, whole, "c", parts)],
        attributions: [],
      }).claims;
      expect(c.outcome).toBe("moved");
      expect(c.next.parts!.map((p) => newBody.slice(p.start, p.end))).toEqual(["We will win,", "whatever it takes."]);
      expect(c.next.text).toBe(newBody.slice(c.next.start, c.next.end));
      expect(c.next.start).toBe(c.next.parts![0].start);
      expect(c.next.end).toBe(c.next.parts![1].end);
    });

    it("orphans the claim when one part is gone", () => {
      const newBody = oldBody.replace("whatever it takes.", "at any cost.");
      const [c] = reanchorArticle({
        oldBody,
        newBody,
        claims: [storedClaim(oldBody, whole, "c", parts)],
        attributions: [],
      }).claims;
      expect(c).toMatchObject({ outcome: "orphaned", next: { orphaned: true, parts: null } });
      expect(spanProblem(newBody, c.next)).toBeNull();
    });
  });

  it("keeps a cue that still exists when the claim itself is orphaned, and the mention by itself", () => {
    const oldBody = "Officials said the talks failed. They added more.";
    const claim = storedClaim(oldBody, { start: 15, end: 31 });
    const a: StoredAttribution = { id: "a", claimId: "c", cueStart: 10, cueEnd: 14, mentionStart: 0, mentionEnd: 9 };
    const newBody = "Officials said the talks went well. They added more.";
    const plan = reanchorArticle({ oldBody, newBody, claims: [claim], attributions: [a] });
    expect(plan.claims[0].outcome).toBe("orphaned");
    expect(plan.attributions[0]).toMatchObject({ cue: "kept", mention: "kept", changed: false });
  });

  it("always leaves valid spans, and anchored claims equal to their text, for random edits", () => {
    const base = 'He said: "Yes." 😀 She said no. قال مسؤول. He said: "Yes." The end.';
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: base.length }),
        fc.integer({ min: 0, max: 12 }),
        fc.string({ unit: "grapheme", maxLength: 8 }),
        fc.integer({ min: 0, max: base.length - 1 }),
        fc.integer({ min: 1, max: 10 }),
        (at, removeCount, insert, claimStart, claimLength) => {
          const cutAt = base.charCodeAt(at - 1) >= 0xd800 && base.charCodeAt(at - 1) <= 0xdbff ? at - 1 : at;
          let cutEnd = Math.min(base.length, cutAt + removeCount);
          if (spanProblem(base, { start: 0, end: cutEnd }) && cutEnd < base.length) cutEnd++;
          const newBody = base.slice(0, cutAt) + insert + base.slice(cutEnd);
          let span = { start: claimStart, end: Math.min(base.length, claimStart + claimLength) };
          if (spanProblem(base, span)) span = { start: base.indexOf("😀"), end: base.indexOf("😀") + 2 };
          if (!newBody.length) return;
          const [c] = reanchorArticle({
            oldBody: base,
            newBody,
            claims: [storedClaim(base, span)],
            attributions: [],
          }).claims;
          expect(spanProblem(newBody, c.next)).toBeNull();
          const oldText = base.slice(span.start, span.end);
          const newText = newBody.slice(c.next.start, c.next.end);
          if (c.outcome === "adjusted")
            expect(boundedDistance(oldText, newText, allowedEdits(oldText.length))).not.toBeNull();
          else if (!c.next.orphaned) expect(newText).toBe(oldText);
          const untouched = span.end <= cutAt || span.start >= cutEnd;
          if (untouched) expect(c.next.orphaned).toBe(false);
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe("quoteSelector", () => {
  it("never cuts an emoji at the edge of its context", () => {
    for (const lead of ["", "x"]) {
      const body = `${lead}${"😀".repeat(40)}yQUOTEz${"🙂".repeat(40)}`;
      const start = body.indexOf("QUOTE");
      const { text, prefix, suffix } = quoteSelector(body, { start, end: start + 5 });
      expect(text).toBe("QUOTE");
      expect(prefix.isWellFormed() && suffix.isWellFormed()).toBe(true);
      expect(prefix.length).toBeGreaterThanOrEqual(32);
      expect(suffix.length).toBeGreaterThanOrEqual(32);
    }
  });
});

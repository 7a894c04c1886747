/**
 * Quote continuations: a sentence that is only a quotation, with no cue of its own, belongs to the
 * speaker just attributed — `He said the knee feels stronger. ‘The surgeon told me … But I’m here.’`
 * The quotation may run over several sentences (it is one claim), and over a paragraph break when the
 * speaker's quote was left open at the end of the previous paragraph, as news style marks a quote that
 * continues. A quote opening a new paragraph after a closed one is not continued: writers re-attribute.
 */
import type { RawClaim } from "./build-claims";
import type { Quote } from "./find-quotes";
import type { StatementSpan } from "./types";

export interface SentenceClaims {
  sentence: StatementSpan;
  claims: RawClaim[];
}

/** The quotation that opens `sentence` (after leading spaces), if any. */
function openingQuote(text: string, quotes: Quote[], sentence: StatementSpan): Quote | null {
  const s = text.slice(sentence.start, sentence.end);
  const at = sentence.start + s.length - s.trimStart().length;
  return quotes.find((q) => q.open === at) ?? null;
}

/** The previous claim's quote left open at its paragraph end, which this paragraph's quote continues. */
function runsOnInto(quotes: Quote[], last: RawClaim, text: string, q: Quote): boolean {
  const prevQuote = quotes.find((x) => x.inner.end === last.content.end && x.runsOn);
  return !!prevQuote && /^\s*$/.test(text.slice(prevQuote.close, q.open));
}

export function addContinuations(text: string, quotes: Quote[], perSentence: SentenceClaims[]): void {
  for (let i = 1; i < perSentence.length; i++) {
    const cur = perSentence[i];
    if (cur.claims.length > 0) continue;
    // The speaker's claim may sit a few sentences up when its own quotation covers the ones between.
    let k = i - 1;
    while (k > 0 && perSentence[k].claims.length === 0) k--;
    const last = perSentence[k].claims.at(-1);
    if (!last || (!last.mention && !last.speaker)) continue;
    if (k < i - 1 && perSentence[i - 1].sentence.end > last.content.end + 2) continue;
    const q = openingQuote(text, quotes, cur.sentence);
    if (!q || q.inner.start < last.content.end) continue;
    const samePara = !text.slice(perSentence[i - 1].sentence.end, cur.sentence.start).includes("\n");
    if (!samePara && !runsOnInto(quotes, last, text, q)) continue;
    // The quotation must end where a sentence ends; the sentences it covers carry no claims of their own.
    let j = i;
    while (j < perSentence.length && q.close > perSentence[j].sentence.end) j++;
    if (j >= perSentence.length || q.close < perSentence[j].sentence.end - 2) continue;
    if (perSentence.slice(i + 1, j + 1).some((p) => p.claims.length > 0)) continue;
    cur.claims.push({
      mention: null,
      cue: null,
      content: q.inner,
      mode: "direct_quote",
      shape: "continuation",
      confidence: 0.6,
      speaker: last,
    });
    i = j;
  }
}

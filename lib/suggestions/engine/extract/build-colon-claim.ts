/**
 * Headline and live-blog colons: "Poll: Voters Sour on the Plan", "Whitfield: ‘We Will Not Back
 * Down’". The colon is the cue, the short name before it the source, what follows the content.
 * Times ("2:40 p.m.:") and datelines are not sources.
 */
import type { Analysis, Sentence } from "../analysis";
import { trimSpan } from "./content";
import type { Cue } from "./find-cues";
import { classifyMode } from "./quote-spans";
import type { RawClaim } from "./raw-claim";

export function buildColonClaim(a: Analysis, s: Sentence): RawClaim | null {
  const { tokens } = a;
  for (let c = s.first + 1; c < Math.min(s.to - 1, s.first + 8); c++) {
    if (tokens[c].text !== ":" || a.quoteOf[c] >= 0) continue;
    // The source: one to four words right before the colon, a name or a document noun, not a time.
    let f = c - 1;
    while (f - 1 >= s.first && c - f < 4 && tokens[f - 1].isWord) f--;
    if (f !== s.first && !/^[:—–-]$/.test(tokens[f - 1].text)) continue;
    const words = tokens.slice(f, c);
    const head = words[words.length - 1];
    if (
      !head?.isWord ||
      /^\d/.test(head.text) ||
      /^(a\.m|p\.m|am|pm|update|updated|live|watch|breaking)\.?$/i.test(head.text) ||
      // An explainer's section label ("Methodology: The survey of 1,506 voters was …") names no source.
      /^(methodology|note|correction|clarification|background|context|disclosure)$/i.test(head.text)
    )
      continue;
    if (!(head.pos === "PROPN" || a.lang.isDocumentNoun(head.lower))) continue;
    const content = trimSpan(a.text, { start: tokens[c + 1].start, end: s.end });
    if (content.end - content.start < 3) return null;
    const cue: Cue = {
      kind: "verb",
      entries: [],
      lemma: ":",
      first: c,
      last: c,
      head: c,
      groupLast: c,
      participle: false,
      passiveBy: false,
      negated: false,
    };
    const qi = a.opens[c + 1];
    const inner = qi >= 0 ? a.quotes[qi].inner : content;
    return {
      cue,
      cueSpan: { start: tokens[c].start, end: tokens[c].end },
      mention: { first: f, last: c - 1, appositive: null },
      content: inner,
      mode: classifyMode(a, [inner]),
      cls: "punctuation",
      sentence: s.index,
      shape: "colon",
      confidence: 0.6,
    };
  }
  return null;
}

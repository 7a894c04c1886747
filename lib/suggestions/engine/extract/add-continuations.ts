/**
 * Quote continuations: a sentence that opens with a quotation and has no cue of its own continues the
 * speaker just attributed — `"A," she said. "B."` — as a claim with that speaker and no cue or mention.
 * The same holds for a quotation opening the next paragraph after a paragraph that ended on that
 * speaker's quote (guideline §4). A quotation running over several paragraphs is already one claim.
 */
import type { Analysis } from "../analysis";
import { classifyMode, quoteChainForward } from "./quote-spans";
import type { RawClaim } from "./raw-claim";

export function addContinuations(a: Analysis, perSentence: RawClaim[][]): void {
  const { sentences, tokens } = a;
  let last: RawClaim | null = null;
  let lastEnd = -1; // where the last claim's content ends: sentences inside it are covered
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    const claims = perSentence[i];
    if (claims.length > 0) {
      for (const c of claims)
        if (!c.outer && c.content.end >= lastEnd) {
          last = c;
          lastEnd = c.content.end;
        }
      continue;
    }
    if (s.start < lastEnd || s.heading) continue;
    const qi = a.opens[s.first];
    if (!last || qi < 0) {
      // A sentence of the writer's own ends the speaker's turn.
      if (tokens[s.first]?.isWord) last = null;
      continue;
    }
    const chain = quoteChainForward(a, qi);
    const between = a.text.slice(lastEnd, tokens[s.first].start);
    const newParagraph = /\n[ \t\r]*\n/.test(between);
    if (newParagraph && !(last.shape === "quote" || last.shape === "continuation")) {
      last = null;
      continue;
    }
    const content = { start: chain.start, end: chain.end };
    if (content.end - content.start < 2) continue;
    const claim: RawClaim = {
      cue: null,
      cueSpan: null,
      mention: null,
      content,
      mode: classifyMode(a, [content]),
      cls: "speech",
      sentence: i,
      shape: "continuation",
      confidence: newParagraph ? 0.55 : 0.65,
      speaker: last.speaker ?? last,
    };
    claims.push(claim);
    last = claim;
    lastEnd = a.quotes[chain.last].close;
  }
}

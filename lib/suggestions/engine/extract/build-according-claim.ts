/**
 * "According to X, C", "C, according to X", "C, according to X, D" and "C according to X": the
 * preposition cue before, after or inside its content. X is the whole noun phrase ("data from the
 * bureau", "a person familiar with the talks").
 */
import type { Analysis, Sentence } from "../analysis";
import { clauseEnd, spanOf, trimSpan } from "./content";
import type { Cue } from "./find-cues";
import { npRight } from "./noun-phrases";
import { classifyMode } from "./quote-spans";
import type { RawClaim } from "./raw-claim";

export function buildAccordingClaim(a: Analysis, s: Sentence, cue: Cue): RawClaim | null {
  const { tokens } = a;
  let mention = npRight(a, cue.last + 1, s.to);
  if (!mention) return null;
  // "according to its lawyer, Michael Brandt": the name in apposition is the mention (guideline §3).
  const app = mention.appositive;
  if (app && tokens.slice(app.first, app.last + 1).every((t) => t.isCap || !t.isWord))
    mention = { first: app.first, last: app.last, appositive: null };
  const npEnd = Math.max(mention.last, mention.appositive?.last ?? -1);
  const make = (parts: { start: number; end: number }[], shape: RawClaim["shape"]): RawClaim | null => {
    if (parts.some((p) => p.end - p.start < 2)) return null;
    const claim: RawClaim = {
      cue,
      cueSpan: spanOf(tokens, cue.first, cue.last),
      mention,
      content: { start: parts[0].start, end: parts[parts.length - 1].end },
      mode: classifyMode(a, parts),
      cls: "speech",
      sentence: s.index,
      shape,
      confidence: 0.8,
    };
    if (parts.length > 1) claim.parts = parts;
    return claim;
  };
  // Leading: "According to X, C" (possibly after an opening conjunction or adverb).
  if (cue.first - s.first <= 1) {
    let k = npEnd + 1;
    if (tokens[k]?.text !== ",") return null;
    k++;
    if (k >= s.to) return null;
    return make([trimSpan(a.text, { start: tokens[k].start, end: clauseEnd(a, k, s) })], "forward");
  }
  // "But other companies still store such data, according to …": the connective is the writer's.
  let from = s.first;
  while (from < cue.first - 1 && tokens[from].pos === "CCONJ") from++;
  const before = trimSpan(a.text, { start: tokens[from].start, end: tokens[cue.first].start });
  let n = npEnd + 1;
  while (n < s.to && !tokens[n].isWord && tokens[n].text !== ",") n++;
  const restWords = tokens.slice(n, s.to).some((t) => t.isWord);
  if (!restWords) return make([before], "backward");
  // "…, according to results the company released in September.", "… two people close to him.":
  // a trailing "according to" takes the rest of the sentence as its noun phrase.
  if (tokens[cue.first - 1]?.text === "," && !tokens.slice(n, s.to).some((t) => t.text === "," || t.text === ";")) {
    let last = s.to - 1;
    while (last > n && !tokens[last].isWord && a.closes[last] < 0) last--;
    // "…, according to a large study published Monday that adds to growing concern": the relative
    // clause describes the source and is no part of its mention.
    for (let r = n; r < last; r++)
      if (/^(that|which|who)$/.test(tokens[r].lower) && r > mention.first) {
        last = r - 1;
        break;
      }
    mention = { first: mention.first, last, appositive: null };
    return make([before], "backward");
  }
  // "…, according to state data, and a consultant's report found …", "…, according to data from
  // PowerWatch.us, which tracks outages": what follows the comma is not the rest of the content.
  const joint = tokens[n + 1];
  if (
    tokens[n]?.text === "," &&
    tokens[cue.first - 1]?.text === "," &&
    joint &&
    (joint.pos === "CCONJ" || /^(which|who|whose|where)$/.test(joint.lower))
  )
    return make([before], "backward");
  if (tokens[n]?.text === "," && tokens[cue.first - 1]?.text === ",") {
    const after = trimSpan(a.text, { start: tokens[n + 1].start, end: clauseEnd(a, n + 1, s) });
    return make([before, after], "parenthetical");
  }
  return null;
}

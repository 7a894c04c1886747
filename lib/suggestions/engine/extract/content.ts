/**
 * Where content starts and ends. A complement runs from after the cue (its "that", its recipient, a
 * time adjunct) to the end of its clause: the sentence end, or a joint that starts something else
 * (", according to …", ", citing …", "; ", "and urged …" by the same source). Content before a cue
 * runs from the clause start to the comma before the source. A content that opens a quotation takes
 * the whole quotation, across sentences and, when it runs on, across paragraphs.
 */
import type { Analysis, Sentence } from "../analysis";
import type { Token } from "../nlp/token";
import type { Span } from "../types";
import { hasFiniteVerb, isFiniteAt, isFiniteVerb, startsClause } from "./clause-start";
import { isCueVerbForm } from "./cue-lookup";
import { isTimeAdjunct, skipTimeOpener } from "./time-adjuncts";

/** Trims spaces and closing punctuation at the end, spaces at the start; keeps closing quote marks. */
export function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /[\s,;:—–-]/.test(text[start])) start++;
  while (end > start && /[\s.,;:!?—–-]/.test(text[end - 1])) end--;
  return { start, end };
}

/** "in (a|an|the|his…) X? <channel noun> (to|with|on)? …" running to the sentence end. */
function isTrailingChannel(a: Analysis, i: number, s: Sentence): boolean {
  const { tokens } = a;
  const g = a.lang.grammar;
  let c = i + 1;
  if (g.determiners.has(tokens[c]?.lower ?? "")) c++;
  while (c < s.to && c - i <= 3 && tokens[c].isWord && !g.channelNouns.has(tokens[c].lower)) c++;
  if (c >= s.to || !g.channelNouns.has(tokens[c].lower) || /^(report|reports|ruling|order)$/.test(tokens[c].lower))
    return false;
  let rest = c + 1;
  if (/^(to|with|on|for)$/.test(tokens[rest]?.lower ?? "")) rest++;
  // "welcomed the outcome in a statement and thanked …": the channel may close a first act.
  const joint = (m: number) => /^(and|but)$/.test(tokens[m].lower) && isFiniteAt(a, m + 1, s.to);
  while (rest < s.to && tokens[rest].isWord && rest - c <= 5 && !joint(rest)) rest++;
  return rest >= s.to || !tokens[rest].isWord || joint(rest);
}

const OBJECT_ENDERS = new Set("as while after before because since amid until".split(" "));
const DASH_ADVERBIALS = new Set(
  "after before but despite though although while as when even amid because since yet".split(" "),
);
const SENTENCE_JOINTS = new Set([
  "and",
  "as",
  "but",
  "while",
  "although",
  "though",
  "whereas",
  "because",
  "since",
  "even",
]);

/** A clause with its own subject starting at `k` (after "even" in "even as", "even though"). */
function joinsClause(a: Analysis, k: number, s: Sentence): boolean {
  const m = a.tokens[k]?.lower === "as" || a.tokens[k]?.lower === "though" ? k + 1 : k;
  if (startsClause(a, m, s.to)) return true;
  // ", and on Tuesday Ms. Oyelaran told analysts …": a time adjunct may open the joined clause.
  const after = skipTimeOpener(a, m, s);
  return after > m && startsClause(a, after, s.to);
}

/** From `k` to the sentence end: a noun phrase with no clause of its own and no comma after it. */
function closingAppositive(a: Analysis, k: number, s: Sentence): boolean {
  // "…, his history of heart disease and his decades of service": a possessive may open a list's item.
  const possessive = a.lang.grammar.possessives.has(a.tokens[k].lower);
  for (let i = k; i < s.to; i++) {
    const t = a.tokens[i];
    if (possessive && t.lower === "and") return false;
    if (a.quoteOf[i] >= 0 || a.opens[i] >= 0) return false;
    if (t.text === "," || t.text === ";") return false;
    if (t.pos === "AUX" || (t.pos === "VERB" && !/(ed|ing|en)$/.test(t.lower))) {
      // "the largest deal in years and a bet that drugs will reshape …": a verb inside a relative is fine.
      if (!a.tokens.slice(k, i).some((x) => x.lower === "that" || x.lower === "which" || x.lower === "who"))
        return false;
    }
  }
  return true;
}

/**
 * The end offset of a complement starting at token `k` in sentence `s`. `verbless`: the complement is
 * an infinitive or an object ("vowed to fight", "denounced the plan"), not a clause with its own verb;
 * `object`: a noun phrase, which no subordinate clause continues ("rejects the result as thousands protest").
 */
export function clauseEnd(
  a: Analysis,
  k: number,
  s: Sentence,
  opts: { verbless?: boolean; object?: boolean } = {},
): number {
  const { tokens } = a;
  const g = a.lang.grammar;
  // Whether the complement so far (tokens k..i-1) has a verb, a finite verb: kept as the loop runs so
  // the rules below stay linear in the sentence.
  let verbSeen = false;
  let finiteSeen = false;
  for (let i = k; i < s.to; i++) {
    const t = tokens[i];
    if (i > k) {
      const p = tokens[i - 1];
      verbSeen ||= p.pos === "VERB" || p.pos === "AUX";
      finiteSeen ||= isFiniteVerb(a, i - 1);
    }
    if (a.quoteOf[i] >= 0) continue;
    if (t.text === ";") return t.start;
    // "had the board's backing — despite rumours he could be sacked": a dash before an adverbial.
    if (/^[—–]$/.test(t.text) && i > k + 1 && DASH_ADVERBIALS.has(tokens[i + 1]?.lower ?? "")) return t.start;
    // "found voters divided: 48% backed it": what follows a colon is the writer's illustration.
    if (t.text === ":" && i > k) return t.start;
    // A line break inside a statement (a list, a live-blog line) ends the clause.
    if (i > k && a.text.slice(tokens[i - 1].end, t.start).includes("\n")) return tokens[i - 1].end;
    const n1 = tokens[i + 1];
    if (t.text === "," && n1 && i + 1 < s.to) {
      if (n1.lower === "according" && tokens[i + 2]?.lower === "to") return t.start;
      if (n1.lower === "citing" || n1.lower === "quoting") return t.start;
      if (n1.lower === "as" && /^(quoted|reported|cited)$/.test(tokens[i + 2]?.lower ?? "")) return t.start;
      // ", as officials grew more confident …", ", but after two days …": an adverbial clause joined at
      // the sentence's level is the writer's, not part of the report.
      // (", and his team has lined up 26 votes" too; not ", and that …", which goes on with the report.)
      const andThat = n1.lower === "and" && tokens[i + 2]?.lower === "that";
      if (SENTENCE_JOINTS.has(n1.lower) && i > k + 2 && !andThat && joinsClause(a, i + 2, s)) return t.start;
      // ", warning that …", ", saying …": the source's next report, a claim of its own.
      if (/ing$/.test(n1.lower) && isCueVerbForm(a.lang.cues, n1)) return t.start;
      // "showed the bands stalling over Beaumont, where rain had fallen": a relative clause closing
      // a complement that already has its verb describes it in the writer's voice.
      if ((n1.lower === "which" || n1.lower === "where") && verbSeen) return t.start;
    }
    // "denounced the plan within hours", "slammed the bill on Tuesday": when, not what.
    if (opts.object && i > k && isTimeAdjunct(a, i, s)) return t.start;
    // "rejects the result as thousands protest": an object never runs on into a clause of its own.
    if (opts.object && i > k && OBJECT_ENDERS.has(t.lower) && !finiteSeen && startsClause(a, i + 1, s.to))
      return t.start;
    // "found pupils were leaving while the trust paid its chief £280,000": a contrast the writer adds.
    if (
      /^(while|whereas|although|though)$/.test(t.lower) &&
      i > k + 2 &&
      finiteSeen &&
      hasFiniteVerb(a, i + 2, Math.min(s.to, i + 12))
    )
      return t.start;
    // "…in cash, the largest deal in three years": a closing description is the writer's, not content.
    // (Also "…, her highest rating since taking office", "…, up from 31% in April".)
    if (
      t.text === "," &&
      n1 &&
      (n1.lower === "the" || n1.lower === "a" || n1.lower === "an" || g.possessives.has(n1.lower)) &&
      i > k + 2 &&
      closingAppositive(a, i + 1, s)
    )
      return t.start;
    // "…as the most important issue, ahead of inflation (27%)": the writer's comparison.
    if (t.text === "," && n1?.lower === "ahead" && tokens[i + 2]?.lower === "of" && i > k + 2) return t.start;
    if (
      t.text === "," &&
      n1 &&
      /^(up|down)$/.test(n1.lower) &&
      /^(from|since)$/.test(tokens[i + 2]?.lower ?? "") &&
      i > k + 1
    )
      return t.start;
    // "… in remarks to state television." closing the sentence: how it was said, not what.
    if (t.lower === "in" && i > k + 1 && isTrailingChannel(a, i, s)) return t.start;
    // "said the US backs the talks and urged both sides to …": the second act is the speaker's own.
    // "and has told lawmakers", "but also warned": auxiliaries and adverbs may come between.
    if ((t.lower === "and" || t.lower === "but") && i > k) {
      let v = i + 1;
      while (v < s.to && (tokens[v].pos === "AUX" || tokens[v].pos === "ADV") && v - i <= 3) v++;
      const cut = tokens[i - 1].text === "," ? tokens[i - 1].start : t.start;
      // "estimated that the complex would add 3,900 trips, and recommended a signal": after a comma,
      // another cue verb is the source's next act.
      const nextAct = tokens[v];
      if (
        tokens[i - 1].text === "," &&
        nextAct?.pos === "VERB" &&
        nextAct.lower !== nextAct.lemma &&
        !/ing$/.test(nextAct.lower) &&
        a.lang.cues.has(nextAct.lemma) &&
        tokens[i + 1]?.lower !== "had"
      )
        return cut;
      // "said it was reviewing the decision and did not say whether …": a refusal to say more is the
      // source's own act, never part of what it reported.
      if (
        /^(did|does|do|would|could|will)$/.test(tokens[i + 1]?.lower ?? "") &&
        /^(not|n't|never)$/.test(tokens[i + 2]?.lower ?? "") &&
        /^(say|comment|respond|elaborate|specify|answer|disclose|explain|reply)$/.test(tokens[i + 3]?.lower ?? "")
      )
        return cut;
      // "vowed to fight it and ordered …", "denounced the plan and vowed …": a complement with no verb
      // of its own (an infinitive, an object) cannot go on with a finite verb; the source's next act does.
      // (Not a relative clause's second verb: "a smaller increase that rises and falls with …".)
      const relativeVerb = tokens.slice(Math.max(k, i - 3), i - 1).some((x) => g.relativePronouns.has(x.lower));
      if (opts.verbless && !finiteSeen && !relativeVerb && isFiniteAt(a, i + 1, s.to)) return cut;
      // "believe the protests are the largest but doubt they can …": a contrast with another stance.
      if (
        t.lower === "but" &&
        tokens[v]?.pos === "VERB" &&
        a.lang.cues.has(tokens[v].lemma) &&
        !/ing$/.test(tokens[v].lower)
      )
        return cut;
      // "… were furious and had told Hartwell to …": a past perfect continues the reported clause.
      // (Not when the act takes a report of its own: "had applied for grants but warned that …".)
      const after = tokens[v + 1];
      const ownReport = !!after && (after.lower === "that" || after.text === ":" || a.opens[after.i] >= 0);
      const backshift =
        tokens[i + 1]?.lower === "had" ||
        (!ownReport && tokens.slice(k, i).some((x) => x.lower === "had" && x.pos === "AUX"));
      if (!backshift && g.coordinatedActs.has(tokens[v]?.lower ?? "") && tokens[v].pos === "VERB")
        return tokens[i - 1].text === "," ? tokens[i - 1].start : t.start;
    }
  }
  return s.end;
}

export const spanOf = (tokens: Token[], first: number, last: number): Span => ({
  start: tokens[first].start,
  end: tokens[last].end,
});

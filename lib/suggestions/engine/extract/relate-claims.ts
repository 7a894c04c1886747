/**
 * Relates the claims of one sentence. A later claim whose source starts a clause joined by "but",
 * "while", ", and" … is separate, so the earlier content stops before that clause; a later claim
 * inside an earlier content with no such joint is nested and both are kept (the inner one reached
 * the writer through the outer source). "X reported, citing Y" is Y's claim through X; "according
 * to X, Y said C" is Y's claim through X; "…, as quoted by X" marks X as the channel of what precedes.
 */
import type { Analysis, Sentence } from "../analysis";
import { clauseEnd, spanOf, trimSpan } from "./content";
import type { Cue } from "./find-cues";
import { npRight } from "./noun-phrases";
import { classifyMode } from "./quote-spans";
import type { RawClaim } from "./raw-claim";
import { clauseSubject } from "./verb-subjects";

const inside = (o: number, c: RawClaim) => (c.parts ?? [c.content]).some((p) => o >= p.start && o < p.end);

function dedupe(claims: RawClaim[]): RawClaim[] {
  const out: RawClaim[] = [];
  for (const c of claims) {
    if (
      !out.some(
        (u) =>
          u.content.start === c.content.start &&
          u.content.end === c.content.end &&
          u.mention?.first === c.mention?.first,
      )
    )
      out.push(c);
  }
  return out;
}

/** Verbs after which "citing" names where the report came from, not a reason. */
const REPORTING = /^(report|say|tell|write|quote|announce|reveal|publish|broadcast|add|confirm)$/;

/**
 * "…, Politico reported, citing two officials": the officials' claim, through Politico. After any other
 * act "citing" gives the source's reason (guideline §10): "The union opposed it, citing fears of
 * layoffs" is the union's claim with content "fears of layoffs".
 */
function applyCiting(a: Analysis, s: Sentence, claims: RawClaim[], citing: Cue[]): RawClaim[] {
  let out = claims;
  for (const c of citing) {
    // The report before "citing", or right after a citing insert: "VTA, citing a source, reported that …".
    const reporter =
      out.find(
        (r) => r.cue && r.cue.kind === "verb" && r.cue.last < c.first && r.cue.last >= c.first - 6 && r.mention,
      ) ??
      out.find(
        (r) =>
          r.cue?.kind === "verb" &&
          r.cue.first > c.last &&
          r.cue.first <= c.last + 10 &&
          r.mention &&
          r.mention.last < c.first &&
          REPORTING.test(a.tokens[r.cue.head].lemma),
      );
    const cited = npRight(a, c.last + 1, s.to);
    if (!cited) continue;
    const reports = !!reporter?.cue && REPORTING.test(a.tokens[reporter.cue.head].lemma);
    if (!reports) {
      const mention = reporter?.mention ?? clauseSubject(a, s, c.first);
      const end = clauseEnd(a, c.last + 1, s, { verbless: true, object: true });
      const content = trimSpan(a.text, { start: a.tokens[c.last + 1].start, end });
      if (mention && content.end > content.start)
        out = [
          ...out,
          {
            cue: c,
            cueSpan: spanOf(a.tokens, c.first, c.last),
            mention,
            content,
            mode: classifyMode(a, [content]),
            cls: "speech",
            sentence: s.index,
            shape: "forward",
            confidence: 0.7,
          },
        ];
      continue;
    }
    if (!reporter) continue;
    const claim: RawClaim = {
      ...reporter,
      cue: c,
      cueSpan: spanOf(a.tokens, c.first, c.last),
      mention: cited,
      via: { at: a.tokens[reporter.mention!.first].start, mention: reporter.mention! },
    };
    out = out.map((r) => (r === reporter ? claim : r));
  }
  return out;
}

/** "…, as quoted by the newspaper Politico": the channel of the claims before it. */
function findAsQuotedBy(a: Analysis, s: Sentence) {
  const { tokens } = a;
  for (let i = s.first; i + 3 < s.to; i++) {
    if (
      tokens[i].lower !== "as" ||
      !/^(quoted|reported|cited)$/.test(tokens[i + 1].lower) ||
      tokens[i + 2].lower !== "by"
    )
      continue;
    let k = i + 3;
    while (k < s.to && (tokens[k].lower === "the" || a.lang.isOutletNoun(tokens[k].lower))) k++;
    if (a.opens[k] >= 0) k++;
    const m = npRight(a, k, s.to, false);
    if (m) return { at: tokens[i].start, mention: m };
  }
  return null;
}

function isOutletMention(a: Analysis, c: RawClaim): boolean {
  if (!c.mention) return false;
  const words = a.tokens.slice(c.mention.first, c.mention.last + 1);
  return (
    words.some((t) => a.lang.isOutletNoun(t.lower)) ||
    a.lang.isKnownOutlet(a.text.slice(words[0].start, words.at(-1)!.end))
  );
}

export function relateClaims(a: Analysis, s: Sentence, found: RawClaim[], citing: Cue[]): RawClaim[] {
  const { tokens, text } = a;
  const g = a.lang.grammar;
  let claims = applyCiting(a, s, dedupe(found), citing);
  // "According to X, Y said C": Y's claim through X.
  claims = claims.filter((acc) => {
    if (acc.cue?.kind !== "according") return true;
    // "…, according to a report in the daily X": an outlet relays what the sentence's speaker said.
    if (acc.shape !== "forward" && !isOutletMention(a, acc)) return true;
    const inner = claims.find(
      (c) => c !== acc && c.cue?.kind === "verb" && c.mention && inside(tokens[c.mention.first].start, acc),
    );
    if (!inner) return true;
    inner.via = { at: tokens[acc.mention!.first].start, mention: acc.mention! };
    return false;
  });
  for (const outer of claims) {
    if (outer.shape !== "forward" && outer.shape !== "parenthetical") continue;
    for (const b of claims) {
      if (b === outer || !b.mention || b.outer) continue;
      const m = b.mention.first;
      if (!inside(tokens[m].start, outer)) continue;
      // "… want to manage his minutes, she said": a cue ending the sentence closes the content before it.
      if ((b.shape === "backward" || b.shape === "quote") && b.content.end <= tokens[m].start && !outer.parts) {
        const content = trimSpan(text, { start: outer.content.start, end: tokens[m].start });
        if (content.end > content.start) {
          outer.content = content;
          outer.mode = classifyMode(a, [content]);
        }
        continue;
      }
      // "praised the firm, which said …": the relative pronoun is the inner claim's own mention.
      const selfRelative = /^(which|who)$/.test(tokens[m].lower) && tokens[m - 1]?.text === ",";
      // "…, and its chief executive, Sam Whitlock, argued": the joint stands before the role.
      const lead = b.mention.lead ?? m;
      const joint = selfRelative
        ? tokens[m]
        : tokens[lead - 1]?.text === "," && lead !== m
          ? tokens[lead - 1]
          : tokens[lead - 1];
      const relative = joint && /^(which|who)$/.test(joint.lower) && tokens[joint.i - 1]?.text === ",";
      if (joint && (g.clauseJoints.has(joint.lower) || relative) && joint.i > s.first && !outer.parts) {
        const cut = tokens[joint.i - 1]?.text === "," ? tokens[joint.i - 1].start : joint.start;
        const content = trimSpan(text, { start: outer.content.start, end: cut });
        if (content.end > content.start) {
          outer.content = content;
          outer.mode = classifyMode(a, [content]);
        }
      } else b.outer = outer;
    }
  }
  const marker = findAsQuotedBy(a, s);
  if (marker) for (const c of claims) if (!c.outer && !c.via && c.content.end <= marker.at + 1) c.via = marker;
  return claims;
}

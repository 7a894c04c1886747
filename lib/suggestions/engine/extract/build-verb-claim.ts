/**
 * One verb cue → one claim, by the frames its lemma takes (languages/en/cue-lexicon.ts). In order:
 * a quotation beside the source and cue (`"…," X said`, `X said: "…"`, with a second part after a
 * comma for split quotes); a complement after the cue (`X said (that) C`, `X told Y C`, `X vowed to C`,
 * `X criticized C`); the content before the cue when the cue ends its clause (`C, X said`); and content
 * around a cue set off by commas (`The tariff, the ministry said, will start in March`).
 */
import type { Analysis, Sentence } from "../analysis";
import type { CueClass, Frame } from "../languages/en/cue-lexicon";
import { tokenAt } from "../nlp/token";
import { hasFiniteVerb, looksLikeClause, startsClause } from "./clause-start";
import { complementStart, skipRecipient } from "./complement-start";
import { clauseEnd, spanOf, trimSpan } from "./content";
import type { Cue } from "./find-cues";
import { type Mention, npLeft, npRight } from "./noun-phrases";
import { classifyMode, quoteChainBackward, quoteChainForward } from "./quote-spans";
import type { RawClaim } from "./raw-claim";
import { subjectBefore } from "./subject-before";
import { skipAdjuncts } from "./time-adjuncts";
import { clauseSubject, closingParticiple, coordinatedSubject } from "./verb-subjects";

const framesOf = (cue: Cue) => new Set<Frame>(cue.entries.flatMap((e) => e.frames));
const classFor = (cue: Cue, frame: Frame): CueClass =>
  (cue.entries.find((e) => e.frames.includes(frame)) ?? cue.entries[0])?.cls ?? "speech";

/** The quotation ending right before token `anchor` (`"…," X said`, `"…", X said`), as its index. */
function quoteEndingBefore(a: Analysis, anchor: number, s: Sentence): number {
  const j = anchor - 1;
  if (j < s.first) return -1; // a quotation closing the sentence before belongs to its own cue
  const qi = a.closes[j] >= 0 ? a.closes[j] : a.tokens[j].text === "," && j - 1 >= s.first ? a.closes[j - 1] : -1;
  if (qi < 0) return -1;
  // The quotation must be the whole content: opening the sentence (or a chain from before it), not
  // a fragment ending a paraphrase ("The group wants the bill passed "as is," Whitlock said").
  const open = a.quotes[qi].open;
  const openTok = tokenAt(a.tokens, open);
  const before = a.tokens.slice(s.first, openTok).filter((t) => t.isWord);
  // 'What they're saying: "…," said X': a label or dash before the colon is fine.
  const introduced = openTok > s.first && /^[:—–-]$/.test(a.tokens[openTok - 1].text);
  return open <= a.tokens[s.first].start || before.length === 0 || introduced ? qi : -1;
}

/** The quotation opening at or right after `k` (after a comma or colon), as its index. */
function quoteOpeningAt(a: Analysis, k: number): number {
  if (a.opens[k] >= 0) return a.opens[k];
  const t = a.tokens[k];
  if (t && (t.text === "," || t.text === ":") && a.opens[k + 1] >= 0) return a.opens[k + 1];
  return -1;
}

function quoteClaim(a: Analysis, cue: Cue, mention: Mention, qi: number, tail: number, s: Sentence, before: boolean) {
  const chainStart = before ? quoteChainBackward(a, qi).start : a.quotes[qi].inner.start;
  const first = before ? { start: chainStart, end: a.quotes[qi].inner.end } : chainForwardSpan(a, qi);
  const parts = [first];
  // Split quote: `"Q1," he said, "Q2."` — a second quotation after a comma continues the first.
  if (before) {
    let k = skipAdjuncts(a, tail, s.to);
    // `"Q1," Okafor said, laughing, "Q2."`: a participle set off by commas may come between.
    if (a.tokens[k]?.text === "," && quoteOpeningAt(a, k) < 0) {
      let m = k + 1;
      while (m < s.to && m - k <= 4 && a.tokens[m].isWord) m++;
      if (m > k + 1 && /ing$/.test(a.tokens[k + 1].lower) && a.tokens[m]?.text === ",") k = m;
    }
    const q2 = a.tokens[k]?.text === "," ? quoteOpeningAt(a, k) : -1;
    if (q2 > qi) parts.push(chainForwardSpan(a, q2));
  }
  return finish(a, cue, mention, parts, s, "quote", classFor(cue, "quote"), 0.9);
}

function chainForwardSpan(a: Analysis, qi: number) {
  const c = quoteChainForward(a, qi);
  return { start: c.start, end: c.end };
}

function finish(
  a: Analysis,
  cue: Cue,
  mention: Mention,
  parts: { start: number; end: number }[],
  s: Sentence,
  shape: RawClaim["shape"],
  cls: CueClass,
  confidence: number,
): RawClaim | null {
  if (parts.some((p) => p.end <= p.start)) return null;
  const content = { start: parts[0].start, end: parts[parts.length - 1].end };
  const claim: RawClaim = {
    cue,
    cueSpan: spanOf(a.tokens, cue.first, cue.last),
    mention,
    content,
    mode: classifyMode(a, parts),
    cls,
    sentence: s.index,
    shape,
    confidence,
  };
  if (parts.length > 1) claim.parts = parts;
  return claim;
}

export function buildVerbClaim(a: Analysis, s: Sentence, cue: Cue, earlier: RawClaim[] = []): RawClaim | null {
  const { tokens } = a;
  const frames = framesOf(cue);
  const prev = tokens[cue.first - 1];
  let mention: Mention | null = null;
  let inverted = false;
  if (cue.participle) mention = clauseSubject(a, s, cue.first);
  else if (cue.passiveBy) {
    let k = cue.groupLast + 1;
    while (k < s.to && tokens[k].lower !== "by") k++;
    mention = npRight(a, k + 1, s.to);
  } else {
    const before = cue.first > s.first ? subjectBefore(a, cue.first, s.first) : null;
    const afterQuote = !!prev && (a.closes[prev.i] >= 0 || (prev.text === "," && a.closes[prev.i - 1] >= 0));
    const afterBreak = !prev || cue.first === s.first || prev.text === "," || afterQuote;
    if (afterBreak && (afterQuote || !before) && (frames.has("quote") || frames.has("back"))) {
      const after = npRight(a, cue.last + 1, s.to);
      if (after) {
        mention = closingParticiple(a, after, s);
        inverted = true;
      }
    }
    mention ??= before;
    // "said he was disappointed and called for …": the verb shares the subject of the one before;
    // "said Ms. Ramos is committed and expected to …": inside that one's content, the content's subject.
    if (!mention && prev && (prev.lower === "and" || prev.lower === "but" || prev.lower === "or"))
      mention = coordinatedSubject(a, s, cue, earlier);
  }
  if (!mention) return null;
  // "questions about whether the governor would campaign against it": a question, not a report.
  if (/^(whether|if)$/.test(tokens[(mention.lead ?? mention.first) - 1]?.lower ?? "") && !inverted) return null;
  const chunkStart = inverted ? cue.first : (mention.lead ?? mention.first);
  const chunkEnd = inverted ? (mention.appositive?.last ?? mention.last) : cue.last;

  // 1. A quotation before the source and cue.
  const qb = cue.participle ? -1 : quoteEndingBefore(a, chunkStart, s);
  if (qb >= 0) return quoteClaim(a, cue, mention, qb, chunkEnd + 1, s, true);

  if (!inverted) {
    // 2. A quotation after the cue: `X said: "…"`, `X told reporters, "…"`.
    let k = cue.last + 1;
    if (frames.has("recipient")) k = skipRecipient(a, k, s);
    k = skipAdjuncts(a, k, s.to);
    const qa = quoteOpeningAt(a, k);
    // ("a yacht he named “Brandi’s Dream”": naming a thing is no report of words.)
    const namingOnly = frames.size === 1 && frames.has("objAs");
    if (qa >= 0 && !namingOnly) {
      const q = a.quotes[qa];
      const closeTok = tokenAt(tokens, q.close);
      const restEmpty = closeTok + 1 >= s.to || !tokens.slice(closeTok + 1, s.to).some((x) => x.isWord);
      if (restEmpty || q.runsOn) return quoteClaim(a, cue, mention, qa, k, s, false);
    }
    // "…, spoke at length in the locker room:" ending its sentence, the quotation opening the next.
    const colon = s.to - 1;
    const onlyAdjuncts = () =>
      !tokens.slice(k, colon).some((x) => x.pos === "VERB" || x.pos === "AUX" || a.quoteOf[x.i] >= 0);
    if (tokens[colon]?.text === ":" && colon - k < 10 && a.opens[s.to] >= 0 && frames.has("quote") && onlyAdjuncts())
      return quoteClaim(a, cue, mention, a.opens[s.to], colon, s, false);
    // 3. A complement after the cue.
    const c = complementStart(a, cue, frames, s, mention);
    if (c?.frame === "relative") {
      // Guideline §10: the noun phrase the clause modifies is the first part ("a plan" + "would cost …").
      const relTok = mention.first - 1;
      const pronoun = /^(which|that|who)$/.test(tokens[relTok].lower);
      const headTok = pronoun ? relTok - (tokens[relTok - 1]?.text === "," ? 2 : 1) : relTok;
      const headFirst = npLeft(a, headTok, s.first, false);
      const end = clauseEnd(a, c.k, s);
      const vp = trimSpan(a.text, { start: tokens[c.k].start, end });
      if (headFirst >= 0 && vp.end > vp.start) {
        const head = { start: tokens[headFirst].start, end: tokens[relTok].end };
        return finish(a, cue, mention, [trimSpan(a.text, head), vp], s, "forward", classFor(cue, "that"), 0.75);
      }
      return finish(a, cue, mention, [vp], s, "forward", classFor(cue, "that"), 0.75);
    }
    if (c) {
      const object = c.frame === "obj" || c.frame === "objOf" || c.frame === "for";
      let end = clauseEnd(a, c.k, s, { verbless: c.frame !== "that", object });
      // "The firm, which said the engine works, will expand": the relative clause ends at its comma.
      if (mention.antecedent !== undefined && tokens[mention.first - 1]?.text === ",") end = relativeEnd(a, c.k, end);
      // "Gary Theriault, a former engineer who said he had worked there, told the crowd …": the main
      // clause resumes after the relative's closing comma.
      else if (mention.antecedent !== undefined) {
        const comma = relativeEnd(a, c.k, end);
        const resume = comma < end ? tokenAt(tokens, comma) + 1 : -1;
        if (resume > 0 && hasFiniteVerb(a, resume, resume + 1)) end = comma;
      }
      const span = trimSpan(a.text, { start: tokens[c.k].start, end });
      const words = a.text.slice(span.start, span.end).split(/\s+/).filter(Boolean).length;
      if (words >= 2 || (words >= 1 && c.frame !== "that")) {
        // "a project supporters call a lifeline": the noun the gapped relative describes is the first part.
        const described = mention.first - 1;
        if (cue.lemma === "call" && c.frame === "obj" && described > s.first && tokens[described].pos === "NOUN") {
          const headFirst = npLeft(a, described, s.first, false);
          if (headFirst >= 0 && a.lang.grammar.determiners.has(tokens[headFirst].lower)) {
            const head = { start: tokens[headFirst].start, end: tokens[described].end };
            return finish(a, cue, mention, [head, span], s, "forward", classFor(cue, c.frame), 0.8);
          }
        }
        return finish(a, cue, mention, [span], s, "forward", classFor(cue, c.frame), 0.85);
      }
    }
  }

  // 4. Content before the cue, which must end its clause (adjuncts and a trailing insert aside).
  // (Not for a relative pronoun: "…, three officials, who spoke on condition of anonymity.")
  if (!frames.has("back") || mention.antecedent !== undefined) return null;
  let tail = chunkEnd + 1;
  tail = skipAdjuncts(a, tail, s.to);
  // "…, two people familiar with the plans told TechPulse.": the hearer ends the clause too.
  if (frames.has("recipient") && !inverted) {
    const hearer = npRight(a, tail, s.to, false);
    if (hearer) tail = skipAdjuncts(a, hearer.last + 1, s.to);
  }
  let commaBefore = chunkStart - 1;
  // `… the bill "as is," Whitlock said`: the comma sits inside a closing quotation mark.
  const commaInQuote = commaBefore > s.first && a.closes[commaBefore] >= 0 && tokens[commaBefore - 1].text === ",";
  if (commaInQuote) commaBefore--;
  if (commaBefore < s.first || tokens[commaBefore].text !== ",") return null;
  const rest = tokens.slice(tail, s.to).filter((x) => x.isWord);
  const next = tokens[tail + 1];
  const endsClause =
    rest.length === 0 ||
    (tokens[tail]?.text === "," &&
      (/^(ing|who|which|whose|citing|according|as)$/.test(suffixKey(next?.lower)) ||
        // "…, she said, though she cautioned that …": a new clause joined after the cue.
        // (", but many owe more", a subject of its own; ", but lived alongside them" goes on with the content.)
        ((next?.pos === "SCONJ" || next?.pos === "CCONJ") &&
          (startsClause(a, tail + 2, s.to) ||
            (!/^(VERB|AUX|ADV|PART)$/.test(tokens[tail + 2]?.pos ?? "") &&
              looksLikeClause(a, tail + 2, s.to - 1)))))) ||
    // "…," Kovacs sobbed as jurors looked on.
    (/^(as|while|after|before|when)$/.test(tokens[tail]?.lower ?? "") && startsClause(a, tail + 1, s.to)) ||
    // "…, Cal Fire said in its evening update.", "…, an official said on condition of anonymity because …":
    // how, where and why it was said.
    (TAIL_ADJUNCTS.has(tokens[tail]?.lower ?? "") && tokens[tail].pos === "ADP") ||
    // "…, said Daniela Moreno, 44, a mother of three.", "…, the commission announced, enough for a majority.":
    // a description closing the sentence.
    (tokens[tail]?.text === "," && verblessTail(a, tail + 1, s));
  if (endsClause) {
    // "But the threat …, she said": a connective opening the sentence is not content.
    let startTok = s.first;
    while (startTok < commaBefore && (tokens[startTok].pos === "CCONJ" || /^[-–—•*]$/.test(tokens[startTok].text)))
      startTok++;
    if (startTok >= commaBefore || !looksLikeClause(a, startTok, commaBefore - 1)) return null;
    const span = trimSpan(a.text, { start: tokens[startTok].start, end: tokens[commaBefore].start });
    return finish(a, cue, mention, [span], s, "backward", classFor(cue, "back"), 0.8);
  }
  // 5. `A, X said, B`: the cue set off by commas inside the content.
  if (tokens[tail]?.text === "," && tail + 1 < s.to) {
    const p1 = trimSpan(a.text, { start: tokens[s.first].start, end: tokens[commaBefore].start });
    const p2 = trimSpan(a.text, { start: tokens[tail + 1].start, end: clauseEnd(a, tail + 1, s) });
    if (p1.end > p1.start && looksLikeClause(a, tail + 1, s.to - 1))
      return finish(a, cue, mention, [p1, p2], s, "parenthetical", classFor(cue, "back"), 0.75);
  }
  return null;
}

const TAIL_ADJUNCTS = new Set([
  "in",
  "on",
  "at",
  "during",
  "after",
  "before",
  "via",
  "through",
  "from",
  "to",
  "without",
  "under",
  "over",
  "outside",
  "following",
]);

/**
 * From `k` to the sentence end: a description with no finite verb and no quotation, but for one
 * relative clause ("a mother of three who lives in Mesa"; not "borrowers who miss payments will not …").
 */
function verblessTail(a: Analysis, k: number, s: Sentence): boolean {
  let words = 0;
  let relative = false;
  let groups = 0;
  for (let i = k; i < s.to; i++) {
    const t = a.tokens[i];
    if (a.opens[i] >= 0 || a.quoteOf[i] >= 0) return false;
    if (/^(who|which|that|whose)$/.test(t.lower) && words > 0) relative = true;
    else if (hasFiniteVerb(a, i, i + 1)) {
      // ("who was born in Sonora and has lived in Arizona": coordinated verbs of the one clause.)
      if (!hasFiniteVerb(a, i - 1, i) && !/^(and|or|but)$/.test(a.tokens[i - 1].lower)) groups++;
      if (!relative || groups > 1) return false;
    }
    if (t.isWord) words++;
  }
  return words > 0;
}

/** The first comma outside quotation marks after token `k`, or `end`. */
function relativeEnd(a: Analysis, k: number, end: number): number {
  for (let i = k; i < a.tokens.length && a.tokens[i].start < end; i++)
    if (a.tokens[i].text === "," && a.quoteOf[i] < 0) return a.tokens[i].start;
  return end;
}

const suffixKey = (w: string | undefined) => (!w ? "" : /ing$/.test(w) ? "ing" : w);

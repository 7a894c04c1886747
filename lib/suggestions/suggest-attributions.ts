/**
 * Attribution-suggestion engine: proposes who said what in an article, as spans into its text.
 * Rules over tokens and small lexicons (no model, no network), in four passes: per sentence, find cues
 * and build claims; relate claims in a sentence (nesting, coordination, "as quoted by"); add quote
 * continuations; then name each source, resolving pronouns and short mentions to earlier sources.
 * Without `statements`, the text is split by the project's own segmenter so suggestions line up with
 * stored statements; headings never yield claims.
 */
import { normalizeSourceName } from "@/lib/sources/normalize-source-name";
import { segmentText } from "@/lib/statements/segment-text";
import { addContinuations } from "./add-continuations";
import { buildAccordingClaim } from "./build-according-claim";
import { buildVerbClaim, type RawClaim, type SentenceContext } from "./build-claims";
import { describeAnonymityReason, describeSource, type SourceDraft } from "./describe-source";
import { type Genders, genderFromContext, noteGender, pronounGender } from "./entity-gender";
import { findCues } from "./find-cues";
import { buildNounCueClaims } from "./find-noun-cues";
import { findQuotes, maskQuotes } from "./find-quotes";
import { findViaMarkers, type ViaMarker } from "./find-via";
import { relateClaims } from "./relate-claims";
import { findTokenIndex, tokenizeText } from "./tokenize-text";
import { type Entity, resolveMention, scanEntities } from "./track-entities";
import type { KnownSource, StatementSpan, Suggestion, SuggestOptions } from "./types";

export type { AttributionMode, KnownSource, SourceType, Span, SuggestedSource, Suggestion } from "./types";

interface SentenceClaims {
  sentence: StatementSpan;
  claims: RawClaim[];
  via: ViaMarker[];
}

const PRESIDENT_RE = /\bPresident\s+(?:\p{Lu}[\p{L}'’-]+\s+)*(\p{Lu}[\p{L}'’-]+)/gu;

export function suggestAttributions(text: string, options: SuggestOptions = {}): Suggestion[] {
  const statements = options.statements ?? segmentText(text);
  const tokens = tokenizeText(text);
  const quotes = findQuotes(text);
  const quoteMask = maskQuotes(text.length, quotes);
  const isQuoted = (o: number) => quoteMask[o] !== 0;

  const perSentence: SentenceClaims[] = [];
  for (const sentence of statements) {
    if (sentence.kind !== "sentence") continue;
    const ctx: SentenceContext = {
      text,
      tokens,
      quotes,
      start: sentence.start,
      end: sentence.end,
      first: findTokenIndex(tokens, sentence.start),
      to: findTokenIndex(tokens, sentence.end),
    };
    if (ctx.first >= ctx.to) continue;
    const via = findViaMarkers(text, tokens, ctx.first, ctx.to);
    const claims: RawClaim[] = [];
    for (const cue of findCues(tokens, ctx.first, ctx.to, isQuoted)) {
      // A trailing "according to a report in X" is a via, not a claim of its own.
      if (
        cue.kind === "according" &&
        via.some((v) => v.at <= tokens[cue.first].start && tokens[cue.first].start - v.at <= 2)
      )
        continue;
      const claim = cue.kind === "according" ? buildAccordingClaim(ctx, cue) : buildVerbClaim(ctx, cue);
      if (claim) claims.push(claim);
    }
    claims.push(...buildNounCueClaims(ctx, isQuoted));
    perSentence.push({ sentence, claims: relateClaims(ctx, claims, via), via });
  }
  addContinuations(text, quotes, perSentence);
  return nameSources(text, tokens, quoteMask, statements, perSentence, options.knownSources ?? []);
}

function nameSources(
  text: string,
  tokens: ReturnType<typeof tokenizeText>,
  quoteMask: Uint8Array,
  statements: StatementSpan[],
  perSentence: SentenceClaims[],
  known: KnownSource[],
): Suggestion[] {
  const headings = statements.filter((s) => s.kind === "heading");
  const sentenceStarts = new Set(statements.map((s) => tokens[findTokenIndex(tokens, s.start)]?.start ?? -1));
  const genders: Genders = new Map();
  const entities: Entity[] = scanEntities(text, tokens, quoteMask, headings, sentenceStarts, genders);
  const presidents = [...text.matchAll(PRESIDENT_RE)].map((m) => ({ at: m.index!, surname: m[1] }));
  const knownByKey = new Map(known.map((k) => [`${k.type}\u0000${normalizeSourceName(k.name)}`, k.id]));
  const drafts = new Map<RawClaim, SourceDraft>();
  const out: Suggestion[] = [];
  const all = perSentence.flatMap((p) => p.claims.map((c) => ({ c, p })));
  for (const { c, p } of all) {
    let draft: SourceDraft;
    let confidence = c.confidence;
    if (c.speaker) draft = drafts.get(c.speaker)!;
    else {
      const m = c.mention!;
      const span = { start: tokens[m.first].start, end: tokens[m.last].end };
      const appositive = m.appositive
        ? text.slice(tokens[m.appositive.first].start, tokens[m.appositive.last].end)
        : undefined;
      const president = [...presidents].reverse().find((x) => x.at < span.start) ?? presidents[0];
      const d = describeSource(text.slice(span.start, span.end), {
        appositive,
        presidentSurname: president?.surname ?? null,
      });
      draft = d.source;
      if (d.refers !== "full") {
        const resolved = resolveMention(d, span.start, entities, genders);
        if (resolved) draft = resolved;
        else if (d.refers === "pronoun") confidence -= 0.3;
        confidence -= 0.1;
      }
      // "She told the court" is evidence for the next "he"/"she" about the same person.
      noteGender(
        genders,
        draft,
        d.refers === "pronoun"
          ? pronounGender(d.key)
          : genderFromContext(text.slice(Math.max(0, span.start - 12), span.start), draft),
      );
      if (draft.type === "anonymous_individual" || draft.type === "anonymous_group") {
        const reason = describeAnonymityReason(appositive ?? text.slice(p.sentence.start, p.sentence.end));
        if (reason && (d.refers === "full" || !draft.anonymityReason)) draft = { ...draft, anonymityReason: reason };
      }
      // Later resolutions should find this claim's source where it was mentioned.
      const at = entities.findIndex((e) => e.start >= span.start);
      const entity = { start: span.start, source: draft, fromClaim: true };
      if (at >= 0 && entities[at].start === span.start) entities[at] = entity;
      else entities.splice(at < 0 ? entities.length : at, 0, entity);
    }
    drafts.set(c, draft);
    out.push(toSuggestion(tokens, c, draft, confidence, drafts, knownByKey));
  }
  return out.sort((a, b) => a.content.start - b.content.start || b.content.end - a.content.end);
}

function toSuggestion(
  tokens: ReturnType<typeof tokenizeText>,
  c: RawClaim,
  draft: SourceDraft,
  confidence: number,
  drafts: Map<RawClaim, SourceDraft>,
  knownByKey: Map<string, string>,
): Suggestion {
  const span = (a: number, b: number) => ({ start: tokens[a].start, end: tokens[b].end });
  let via: Suggestion["via"] = null;
  if (c.outer) {
    const o = drafts.get(c.outer);
    if (o)
      via = {
        name: o.name,
        type: o.type,
        mention: c.outer.mention ? span(c.outer.mention.first, c.outer.mention.last) : null,
      };
  } else if (c.via) via = { name: c.via.name, type: c.via.type, mention: c.via.mention };
  const suggestion: Suggestion = {
    source: {
      ...draft,
      existingSourceId: knownByKey.size
        ? (knownByKey.get(`${draft.type}\u0000${normalizeSourceName(draft.name)}`) ?? null)
        : null,
    },
    mention: c.mention ? span(c.mention.first, c.mention.last) : null,
    cue: c.cue ? span(c.cue.first, c.cue.last) : null,
    content: c.content,
    mode: c.mode,
    via,
    confidence: Math.round(Math.max(0.05, Math.min(0.99, confidence)) * 100) / 100,
  };
  if (c.parts) suggestion.contentParts = c.parts;
  return suggestion;
}

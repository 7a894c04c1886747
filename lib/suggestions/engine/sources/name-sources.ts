/**
 * Names each claim's source: describes its mention (type, name, count, role, affiliation), resolves
 * pronouns, relative "who" and short mentions ("the senator", "Mr. Reyes") to the fuller mention
 * earlier in the text, and carries the speaker over to quote continuations. Claims are visited in
 * text order of their mentions while the entity list is swept forward once, so the work is linear.
 */
import { normalizeSourceName } from "@/lib/sources/normalize-source-name";
import type { Analysis } from "../analysis";
import { spanOf } from "../extract/content";
import type { Mention } from "../extract/noun-phrases";
import type { RawClaim } from "../extract/raw-claim";
import type { AttributionKind, KnownSource, Suggestion } from "../types";
import { describeAnonymityReason } from "./anonymity-reason";
import { describeSource, type SourceDraft } from "./describe-source";
import { type Genders, genderFromContext, noteGender, pronounGender } from "./entity-gender";
import { type Entity, type Prior, resolveMention, scanEntities } from "./track-entities";

const PRESIDENT_RE = /\bPresident\s+(?:\p{Lu}[\p{L}'’-]+\s+)*(\p{Lu}[\p{L}'’-]+)/gu;

const textOf = (a: Analysis, m: { first: number; last: number }) =>
  a.text.slice(a.tokens[m.first].start, a.tokens[m.last].end);

function kindOf(c: RawClaim, source: SourceDraft): AttributionKind {
  if (c.cls === "punctuation") return "punctuation";
  if (c.cue?.kind === "according" && source.type === "document") return "evidence";
  if (c.cls === "evidence") return "evidence";
  if (c.cls === "stance" || c.cls === "intention") return "stance_intention";
  return c.mode === "direct_quote" ? "speech_quoted" : "speech_reported";
}

export function nameSources(a: Analysis, claims: RawClaim[], known: KnownSource[]): Suggestion[] {
  const { tokens, text } = a;
  const sentenceStarts = new Set(a.sentences.map((s) => tokens[s.first]?.start ?? -1));
  const skipToken = (i: number) => {
    const q = a.quoteOf[i];
    return (q >= 0 && a.quotes[q].words >= 4) || a.sentences[a.sentenceOf[i]]?.heading === true;
  };
  const genders: Genders = new Map();
  const scanned = scanEntities(text, tokens, skipToken, sentenceStarts, genders);
  const presidents = [...text.matchAll(PRESIDENT_RE)].map((m) => ({ at: m.index!, surname: m[1] }));
  const knownByKey = new Map(known.map((k) => [`${k.type}\u0000${normalizeSourceName(k.name)}`, k.id]));
  const drafts = new Map<RawClaim, SourceDraft>();
  const confidence = new Map<RawClaim, number>();
  const entities: Entity[] = [];
  let scan = 0;
  let president = -1;
  const at = (c: RawClaim) => (c.mention ? tokens[c.mention.first].start : c.content.start);
  const order = [...claims].sort((x, y) => at(x) - at(y) || (x.speaker ? 1 : 0) - (y.speaker ? 1 : 0));
  for (const c of order) {
    const offset = at(c);
    while (scan < scanned.length && scanned[scan].start < offset) {
      if (entities.at(-1)?.start !== scanned[scan].start) entities.push(scanned[scan]);
      scan++;
    }
    while (president + 1 < presidents.length && presidents[president + 1].at < offset) president++;
    const prior: Prior = { list: entities, end: entities.length };
    let conf = c.confidence;
    let draft: SourceDraft | undefined;
    if (c.speaker) draft = drafts.get(c.speaker);
    else if (c.mention) {
      const named = describeMention(a, c.mention, presidents[Math.max(0, president)]?.surname ?? null);
      draft = named.source;
      if (named.refers !== "full") {
        const resolved = resolveMention(named, offset, prior, genders);
        if (resolved) draft = resolved;
        else if (named.refers === "pronoun") conf -= 0.3;
        conf -= 0.1;
      }
      const span = spanOf(tokens, c.mention.first, c.mention.last);
      noteGender(
        genders,
        draft,
        named.refers === "pronoun"
          ? pronounGender(named.key)
          : genderFromContext(text.slice(Math.max(0, span.start - 12), span.start), draft),
      );
      if (draft.type === "anonymous_individual" || draft.type === "anonymous_group") {
        const context = c.mention.appositive ? textOf(a, c.mention.appositive) : sentenceText(a, c.sentence);
        const reason = describeAnonymityReason(context);
        if (reason && (named.refers === "full" || !draft.anonymityReason))
          draft = { ...draft, anonymityReason: reason };
      }
      const entity: Entity = { start: span.start, source: draft, fromClaim: true };
      if (entities.at(-1)?.start === span.start) entities[entities.length - 1] = entity;
      else entities.push(entity);
    }
    if (!draft) continue;
    drafts.set(c, draft);
    confidence.set(c, conf);
  }
  const out: Suggestion[] = [];
  for (const c of claims) {
    const draft = drafts.get(c);
    if (!draft) continue;
    out.push(toSuggestion(a, c, draft, confidence.get(c) ?? c.confidence, drafts, knownByKey));
  }
  return out.sort((x, y) => x.content.start - y.content.start || y.content.end - x.content.end);
}

function sentenceText(a: Analysis, index: number): string {
  const s = a.sentences[index];
  return s ? a.text.slice(s.start, s.end) : "";
}

/** Describes a mention; a relative "who" is described by its antecedent ("an engineer who said"). */
function describeMention(a: Analysis, m: Mention, presidentSurname: string | null) {
  // "said Omar Reyes, director of the association, who called for …": an appositive before "who"
  // describes the person named before it, so "who" resolves like a pronoun to that person.
  const ante = m.antecedent;
  const target = ante && !/^\p{Ll}/u.test(textOf(a, ante)) ? ante : m;
  // "Oman's foreign minister, Badr al-Rashdi,": the role before the name describes the person too.
  const d = describeSource(textOf(a, target), {
    appositive: m.appositive ? textOf(a, m.appositive) : undefined,
    presidentSurname,
  });
  if (m.lead === undefined) return d;
  const role = a.text
    .slice(a.tokens[m.lead].start, a.tokens[m.first].start)
    .replace(/[,\s]+$/, "")
    .replace(/^(?:the|a|an|its|his|her|their)\s+|^[\p{L}.’' -]+?['’]s\s+/iu, "");
  return { ...d, source: { ...d.source, role: role || null } };
}

function toSuggestion(
  a: Analysis,
  c: RawClaim,
  draft: SourceDraft,
  confidence: number,
  drafts: Map<RawClaim, SourceDraft>,
  knownByKey: Map<string, string>,
): Suggestion {
  let via: Suggestion["via"] = null;
  if (c.outer) {
    const o = drafts.get(c.outer);
    if (o)
      via = {
        name: o.name,
        type: o.type,
        mention: c.outer.mention ? spanOf(a.tokens, c.outer.mention.first, c.outer.mention.last) : null,
      };
  } else if (c.via) {
    const d = describeSource(textOf(a, c.via.mention)).source;
    const type = d.type === "person" && !d.name.includes(" ") ? "media_outlet" : d.type;
    via = { name: d.name, type, mention: spanOf(a.tokens, c.via.mention.first, c.via.mention.last) };
  }
  const suggestion: Suggestion = {
    source: {
      ...draft,
      existingSourceId: knownByKey.size
        ? (knownByKey.get(`${draft.type}\u0000${normalizeSourceName(draft.name)}`) ?? null)
        : null,
    },
    mention: c.mention ? spanOf(a.tokens, c.mention.first, c.mention.last) : null,
    cue: c.cueSpan,
    content: c.content,
    mode: c.mode,
    via,
    kind: kindOf(c, draft),
    confidence: Math.round(Math.max(0.05, Math.min(0.99, confidence)) * 100) / 100,
  };
  if (c.parts) suggestion.contentParts = c.parts;
  return suggestion;
}

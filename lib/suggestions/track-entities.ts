/**
 * Who has been mentioned so far, so pointers can be resolved: capitalised names anywhere in the prose
 * (outside headings and long quotes) plus every claim source as it is found. "he"/"she" take the
 * nearest person or anonymous individual, "they" the nearest group, "the bank" the nearest source
 * whose name or role has that head noun, "Lindqvist" the nearest person with that surname.
 */
import { describeSource, type Description, type SourceDraft } from "./describe-source";
import { readOutlet } from "./find-via";
import { NOT_NAME } from "./source-lexicon";
import type { Token } from "./tokenize-text";
import type { Span } from "./types";

export interface Entity {
  start: number;
  source: SourceDraft;
  fromClaim: boolean;
}

/** Capitalised-name entities in reading order. Single words count only as surnames of known people. */
export function scanEntities(text: string, tokens: Token[], quoteMask: Uint8Array, skip: Span[]): Entity[] {
  const out: Entity[] = [];
  const described = new Map<string, Description>(); // names repeat: describe each once per text
  const inSkip = (o: number) => quoteMask[o] === 2 || skip.some((s) => o >= s.start && o < s.end);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t.isCap || !t.isWord || NOT_NAME.has(t.lower) || inSkip(t.start)) continue;
    let j = i;
    while (j + 1 < tokens.length) {
      const n = tokens[j + 1];
      if (n.isCap && n.isWord && !NOT_NAME.has(n.lower) && n.start - tokens[j].end <= 1) j++;
      else if ((n.text === "." && /^(Dr|Mr|Mrs|Ms|Prof|Sen|Gen|Gov|Rep)$/.test(tokens[j].text)) || ((n.text === "’" || n.text === "'") && n.start === tokens[j].end)) j++;
      else if (n.lower === "of" && tokens[j + 2]?.isCap) j += 2;
      else break;
    }
    const outlet = i >= 2 ? readOutlet(text, tokens, i - 2, j + 1, true) : null;
    const mentionText = text.slice(t.start, tokens[j].end).replace(/[’']$/, "");
    let d = described.get(mentionText);
    if (!d) described.set(mentionText, (d = describeSource(mentionText)));
    if (outlet && outlet.mention.start === t.start) out.push({ start: t.start, source: { ...d.source, type: "media_outlet", name: outlet.name }, fromClaim: false });
    else if (d.refers === "surname") {
      const key = d.key.replace(/['’]s$/, "");
      const known = [...out].reverse().find((e) => e.source.type === "person" && e.source.name.split(" ").at(-1) === key);
      if (known) out.push({ start: t.start, source: known.source, fromClaim: false });
    } else if (d.refers === "full" && d.source.type !== "person" || j > i) out.push({ start: t.start, source: d.source, fromClaim: false });
    i = j;
  }
  return out;
}

const INDIVIDUAL = new Set(["person", "anonymous_individual"]);
const family = (t: string) => (t === "organization" || t === "media_outlet" ? "org" : t === "document" ? "doc" : "people");
const singular = (w: string) => w.replace(/(ies)$/, "y").replace(/s$/, "");

/** Resolves a pointer mention at `offset` against entities before it; null if nothing fits. */
export function resolveMention(d: Description, offset: number, entities: Entity[]): SourceDraft | null {
  const before = entities.filter((e) => e.start < offset);
  for (let i = before.length - 1; i >= 0; i--) {
    const s = before[i].source;
    if (d.refers === "pronoun") {
      if ((d.key === "he" || d.key === "she") && INDIVIDUAL.has(s.type)) return s;
      if (d.key === "they" && s.type === "anonymous_group") return s;
      if (d.key === "it" && (s.type === "organization" || s.type === "media_outlet" || s.type === "document")) return s;
    } else if (d.refers === "surname") {
      if (s.type === "person" && s.name.split(" ").at(-1) === d.key) return s;
    } else if (d.refers === "partitive") {
      if (s.type === "anonymous_group") {
        return { ...s, type: "anonymous_individual", name: d.source.name, count: d.source.count, role: s.role ? singular(s.role) : null, anonymityReason: null };
      }
    } else if (d.refers === "short") {
      // "the bank" is an organisation, "the official" a person: never cross those families.
      if (family(d.source.type) !== family(s.type)) continue;
      const key = singular(d.key);
      const hay = `${s.name} ${s.role ?? ""}`.toLowerCase().split(/[^\p{L}]+/u).map(singular);
      if (hay.includes(key)) return s;
    }
  }
  // "they" with no group in sight may be an organisation speaking.
  if (d.refers === "pronoun" && d.key === "they") {
    for (let i = before.length - 1; i >= 0; i--) if (before[i].source.type === "organization") return before[i].source;
  }
  return null;
}

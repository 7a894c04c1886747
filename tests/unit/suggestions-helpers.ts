import { type Suggestion, suggestAttributions } from "../../lib/suggestions/engine";

/** Suggestions for `text` with every span replaced by the text it covers, for readable assertions. */
export function suggest(text: string, options?: Parameters<typeof suggestAttributions>[1]) {
  const at = (s: { start: number; end: number } | null) => (s ? text.slice(s.start, s.end) : null);
  return suggestAttributions(text, options).map((s: Suggestion) => ({
    mention: at(s.mention),
    cue: at(s.cue),
    content: at(s.content),
    parts: s.contentParts?.map(at),
    mode: s.mode,
    source: s.source,
    via: s.via ? { name: s.via.name, type: s.via.type } : null,
    confidence: s.confidence,
    raw: s,
  }));
}

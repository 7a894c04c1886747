/** Public shapes of the suggestion engine; kept apart so helpers and callers share them without cycles. */
export type SourceType =
  | "person"
  | "organization"
  | "media_outlet"
  | "document"
  | "anonymous_individual"
  | "anonymous_group";
export type AttributionMode = "direct_quote" | "partial_quote" | "paraphrase";
export interface Span {
  start: number;
  end: number;
}
export interface SuggestedSource {
  type: SourceType;
  name: string;
  count: number | null;
  affiliation: string | null;
  role: string | null;
  anonymityReason: string | null;
  existingSourceId: string | null;
}
export interface Suggestion {
  source: SuggestedSource;
  mention: Span | null;
  cue: Span | null;
  content: Span;
  contentParts?: Span[];
  mode: AttributionMode;
  via: { name: string; type: SourceType; mention: Span | null } | null;
  confidence: number;
}
export interface KnownSource {
  id: string;
  type: SourceType;
  name: string;
}
export interface StatementSpan {
  start: number;
  end: number;
  kind: "heading" | "sentence";
}
export interface SuggestOptions {
  language?: string;
  statements?: StatementSpan[];
  knownSources?: KnownSource[];
}

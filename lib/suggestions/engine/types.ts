/** Public shapes of the suggestion engine. Source types and modes are Prisma's enums; spans are lib/spans'. */
import type { AttributionMode, SourceType, StatementKind } from "@/lib/generated/prisma/enums";
import type { Span } from "@/lib/spans/check-span";

export type { AttributionMode, SourceType, Span };

/** What kind of attribution a suggestion is, as the evaluation counts them. */
export type AttributionKind = "speech_quoted" | "speech_reported" | "evidence" | "stance_intention" | "punctuation";

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
  kind: AttributionKind;
  confidence: number;
}

export interface KnownSource {
  id: string;
  type: SourceType;
  name: string;
}

export interface StatementSpan extends Span {
  kind: StatementKind;
}

export interface SuggestOptions {
  /** BCP 47 tag of the text's language; unset means English. */
  language?: string | null;
  /** The stored statements; without them the text is split by the project's segmenter. */
  statements?: StatementSpan[];
  knownSources?: KnownSource[];
}

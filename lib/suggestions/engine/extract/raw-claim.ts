import type { CueClass } from "../languages/en/cue-lexicon";
import type { AttributionMode, Span } from "../types";
import type { Cue } from "./find-cues";
import type { Mention } from "./noun-phrases";

/** An outlet or chain named in the sentence through which the content reached the writer. */
export interface ViaMarker {
  at: number;
  mention: Mention;
}

/** An attribution found in the text, before its source is named and resolved. */
export interface RawClaim {
  /** null for a quotation continuing the previous speaker. */
  cue: Cue | null;
  cueSpan: Span | null;
  mention: Mention | null;
  content: Span;
  parts?: Span[];
  mode: AttributionMode;
  cls: CueClass | "punctuation";
  sentence: number;
  shape: "quote" | "forward" | "backward" | "parenthetical" | "continuation" | "colon";
  confidence: number;
  /** Nested: this claim sits inside `outer`'s content, so the writer has it through that source. */
  outer?: RawClaim;
  /** "…, Politico reported, citing two officials": the outlet the content came through. */
  via?: ViaMarker;
  /** A continuation's speaker: the claim it continues. */
  speaker?: RawClaim;
}

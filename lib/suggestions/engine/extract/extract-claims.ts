/**
 * All raw claims of a text: per sentence, its cues become claims by their frames, related to each
 * other (nesting, joints, "citing", "as quoted by"); headings and live-blog lines also by a colon;
 * then quotations that continue a speaker. Pure and linear in the text.
 */
import type { Analysis } from "../analysis";
import { addContinuations } from "./add-continuations";
import { buildAccordingClaim } from "./build-according-claim";
import { buildColonClaim } from "./build-colon-claim";
import { buildNounClaims } from "./build-noun-claims";
import { buildVerbClaim } from "./build-verb-claim";
import { type Cue, findCues } from "./find-cues";
import type { RawClaim } from "./raw-claim";
import { relateClaims } from "./relate-claims";

export function extractClaims(a: Analysis): RawClaim[] {
  const perSentence: RawClaim[][] = [];
  for (const s of a.sentences) {
    const claims: RawClaim[] = [];
    const citing: Cue[] = [];
    for (const cue of findCues(a, s)) {
      if (cue.kind === "citing") {
        citing.push(cue);
        continue;
      }
      const claim = cue.kind === "according" ? buildAccordingClaim(a, s, cue) : buildVerbClaim(a, s, cue, claims);
      if (claim) claims.push(claim);
    }
    claims.push(...buildNounClaims(a, s));
    if (claims.length === 0) {
      const colon = buildColonClaim(a, s);
      if (colon) claims.push(colon);
    }
    perSentence.push(claims.length || citing.length ? relateClaims(a, s, claims, citing) : claims);
  }
  addContinuations(a, perSentence);
  return perSentence.flat();
}

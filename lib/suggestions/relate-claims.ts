/**
 * Relates the claims of one sentence. A later claim whose source mention starts a clause joined by
 * "although", "but", "while"… is a separate claim, so the earlier content stops before that clause;
 * a later claim whose mention sits inside an earlier content with no such joint is nested (the outer
 * source reports what the inner one said) and gets the outer source as its via. Claims before an
 * "as quoted by X" marker reached us via X.
 */
import { classifyContent, type RawClaim, type SentenceContext } from "./build-claims";
import { trimSpan } from "./find-content";
import type { ViaMarker } from "./find-via";

const JOINTS = new Set(["although", "though", "but", "while", "whereas", "yet", "and", "as", ";"]);

export function relateClaims(ctx: SentenceContext, claims: RawClaim[], via: ViaMarker[]): RawClaim[] {
  const { tokens, text } = ctx;
  const unique: RawClaim[] = [];
  for (const c of claims) {
    if (
      !unique.some(
        (u) =>
          u.content.start === c.content.start &&
          u.content.end === c.content.end &&
          u.mention?.first === c.mention?.first,
      )
    )
      unique.push(c);
  }
  for (const a of unique) {
    if (a.shape !== "forward") continue;
    for (const b of unique) {
      if (b === a || !b.mention) continue;
      const m = b.mention.first;
      const at = tokens[m].start;
      if (at < a.content.start || at >= a.content.end) continue;
      const joint = tokens[m - 1];
      // "…in two places, which he said ruled out a fault": a relative clause with its own speaker ends
      // the outer content instead of nesting in it.
      const relative = joint && /^(which|who)$/.test(joint.lower) && tokens[m - 2]?.text === ",";
      if (joint && (JOINTS.has(joint.lower) || relative) && m - 1 > 0) {
        const cut = tokens[m - 2]?.text === "," ? tokens[m - 2].start : joint.start;
        const { content, mode } = classifyContent(ctx, trimSpan(text, { start: a.content.start, end: cut }));
        a.content = content;
        a.mode = mode;
      } else if (!b.outer) b.outer = a;
    }
  }
  for (const c of unique) {
    if (c.outer) continue;
    const marker = via.find((v) => v.at >= c.content.end - 1);
    if (marker) c.via = marker;
  }
  return unique;
}

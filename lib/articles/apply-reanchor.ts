import { createHash } from "node:crypto";
import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Span } from "@/lib/spans/check-span";
import { runReanchor } from "@/lib/workers/pool";

/** What the audit log keeps of a body: enough to tell versions apart without storing it twice. */
export function describeBody(body: string, statements: number) {
  return { length: body.length, sha256: createHash("sha256").update(body, "utf8").digest("hex"), statements };
}

const MAX_EDITS_LOGGED = 20;
const MAX_EDIT_CHARS = 200;
const clip = (s: string) => (s.length > MAX_EDIT_CHARS ? `${s.slice(0, MAX_EDIT_CHARS)}…` : s);

/**
 * Re-anchors every claim (with its split-quote parts) and every attribution's cue and mention of
 * the article inside `tx`, writing only what changed and bumping those records' versions so a
 * client still holding old offsets gets 409 instead of writing them over the new text.
 */
export async function applyReanchor(tx: Tx, articleId: string, oldBody: string, newBody: string) {
  const claims = await tx.claim.findMany({
    where: { articleId },
    select: { id: true, start: true, end: true, text: true, prefix: true, suffix: true, orphaned: true, parts: true },
    orderBy: [{ start: "asc" }, { id: "asc" }],
  });
  const attributions = await tx.attribution.findMany({
    where: { claim: { articleId } },
    select: { id: true, claimId: true, cueStart: true, cueEnd: true, mentionStart: true, mentionEnd: true },
    orderBy: { id: "asc" },
  });
  // On a worker: up to ~1 s of CPU for 1 MB and thousands of claims, which no other request should wait for.
  const plan = await runReanchor({
    oldBody,
    newBody,
    claims: claims.map((c) => ({ ...c, parts: (c.parts as Span[] | null) ?? null })),
    attributions,
  });

  for (const c of plan.claims.filter((p) => p.changed)) {
    const { parts, ...fields } = c.next;
    await tx.claim.update({
      where: { id: c.id },
      data: {
        ...fields,
        parts: parts ? parts.map((p) => ({ start: p.start, end: p.end })) : Prisma.DbNull,
        version: { increment: 1 },
      },
    });
  }
  for (const a of plan.attributions.filter((p) => p.changed)) {
    await tx.attribution.update({ where: { id: a.id }, data: { ...a.next, version: { increment: 1 } } });
  }

  const before = new Map(claims.map((c) => [c.id, c]));
  return {
    claims: plan.claims.map((c) => ({
      claimId: c.id,
      outcome: c.outcome,
      from: { start: before.get(c.id)!.start, end: before.get(c.id)!.end },
      to: { start: c.next.start, end: c.next.end },
      orphaned: c.next.orphaned,
      text: clip(c.next.text),
      // What it quoted before: with `adjusted`, the editor sees the copy edit ("1.3" → "1.4").
      previousText: clip(before.get(c.id)!.text),
    })),
    // Only the cues and mentions that exist; "lost" ones are now null (the attribution stays).
    attributions: plan.attributions
      .filter((a) => a.cue !== null || a.mention !== null)
      .map((a) => ({ attributionId: a.id, claimId: a.claimId, cue: a.cue, mention: a.mention })),
    edits: plan.edit.segments
      .filter((s) => !s.equal)
      .slice(0, MAX_EDITS_LOGGED)
      .map((s) => ({
        oldStart: s.oldStart,
        oldEnd: s.oldEnd,
        newStart: s.newStart,
        newEnd: s.newEnd,
        removed: clip(oldBody.slice(s.oldStart, s.oldEnd)),
        inserted: clip(newBody.slice(s.newStart, s.newEnd)),
      })),
  };
}
export type ReanchorReport = Awaited<ReturnType<typeof applyReanchor>>;

import { createHash } from "node:crypto";
import type { AttributionPlan, ClaimPlan } from "@/lib/anchoring/reanchor-article";
import type { Tx } from "@/lib/db";
import type { Span } from "@/lib/spans/check-span";
import { cutText } from "@/lib/text/cut";
import { runReanchor } from "@/lib/workers/pool";

/** What the audit log keeps of a body: enough to tell versions apart without storing it twice. */
export function describeBody(body: string, statements: number) {
  return { length: body.length, sha256: createHash("sha256").update(body, "utf8").digest("hex"), statements };
}

const MAX_EDITS_LOGGED = 20;
const MAX_EDIT_CHARS = 200;
const clip = (s: string) => (s.length > MAX_EDIT_CHARS ? `${cutText(s, MAX_EDIT_CHARS)}…` : s);

/** Rows per UPDATE: one statement per chunk, not per claim (2,000 claims took ~15 s one by one). */
const CHUNK = 1000;

function chunks<T>(items: T[]): T[][] {
  return Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));
}

/** The claims' new anchors, a chunk per statement; `version` bumped, `updatedAt` set as Prisma would. */
async function writeClaims(tx: Tx, plans: ClaimPlan[]) {
  for (const chunk of chunks(plans)) {
    const column = <T>(pick: (p: ClaimPlan["next"]) => T) => chunk.map((p) => pick(p.next));
    const parts = column((n) =>
      n.parts ? JSON.stringify(n.parts.map((p) => ({ start: p.start, end: p.end }))) : null,
    );
    await tx.$executeRaw`
      UPDATE "Claim" c SET start = v.start, "end" = v."end", text = v.text, prefix = v.prefix, suffix = v.suffix,
             orphaned = v.orphaned, parts = CAST(v.parts AS jsonb), version = c.version + 1, "updatedAt" = ${new Date()}
      FROM unnest(CAST(${chunk.map((p) => p.id)} AS uuid[]), CAST(${column((n) => n.start)} AS int[]),
                  CAST(${column((n) => n.end)} AS int[]), CAST(${column((n) => n.text)} AS text[]),
                  CAST(${column((n) => n.prefix)} AS text[]), CAST(${column((n) => n.suffix)} AS text[]),
                  CAST(${column((n) => n.orphaned)} AS boolean[]), CAST(${parts} AS text[]))
           AS v(id, start, "end", text, prefix, suffix, orphaned, parts)
      WHERE c.id = v.id`;
  }
}

async function writeAttributions(tx: Tx, plans: AttributionPlan[]) {
  for (const chunk of chunks(plans)) {
    const column = (pick: (p: AttributionPlan["next"]) => number | null) => chunk.map((p) => pick(p.next));
    await tx.$executeRaw`
      UPDATE "Attribution" a SET "cueStart" = v.cs, "cueEnd" = v.ce, "mentionStart" = v.ms, "mentionEnd" = v.me,
             version = a.version + 1, "updatedAt" = ${new Date()}
      FROM unnest(CAST(${chunk.map((p) => p.id)} AS uuid[]), CAST(${column((n) => n.cueStart)} AS int[]),
                  CAST(${column((n) => n.cueEnd)} AS int[]), CAST(${column((n) => n.mentionStart)} AS int[]),
                  CAST(${column((n) => n.mentionEnd)} AS int[]))
           AS v(id, cs, ce, ms, me)
      WHERE a.id = v.id`;
  }
}

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

  await writeClaims(
    tx,
    plan.claims.filter((p) => p.changed),
  );
  await writeAttributions(
    tx,
    plan.attributions.filter((p) => p.changed),
  );

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

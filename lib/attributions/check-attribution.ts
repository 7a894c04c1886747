import type { Tx } from "@/lib/db";
import { invalid, notFound } from "@/lib/errors";
import { assertSpan, type Span } from "@/lib/spans/check-span";

interface AttributionFields {
  sourceId: string;
  viaSourceId?: string | null;
  cue?: Span | null;
  mention?: Span | null;
}

/** Everything an attribution refers to exists and every span lies inside the article. */
export async function checkAttribution(tx: Tx, body: string, a: AttributionFields): Promise<void> {
  const ids = [a.sourceId, ...(a.viaSourceId ? [a.viaSourceId] : [])];
  const found = await tx.source.findMany({ where: { id: { in: ids } }, select: { id: true } });
  if (!found.some((s) => s.id === a.sourceId)) throw notFound("Source");
  if (a.viaSourceId) {
    if (a.viaSourceId === a.sourceId)
      throw invalid(["viaSourceId"], "A source cannot reach the article through itself");
    if (!found.some((s) => s.id === a.viaSourceId)) throw notFound("Via source");
  }
  if (a.cue) assertSpan(body, a.cue, ["cue"]);
  if (a.mention) assertSpan(body, a.mention, ["mention"]);
}

export const spanColumns = (prefix: "cue" | "mention", s: Span | null | undefined) =>
  s === undefined ? {} : { [`${prefix}Start`]: s?.start ?? null, [`${prefix}End`]: s?.end ?? null };

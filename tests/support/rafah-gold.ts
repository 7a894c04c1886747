/**
 * The demo article (fixtures/rafah) with its hand-made gold sourcing, and the one definition of how
 * that gold is written through the JSON API. Shared by the integration tests (which call the route
 * handlers) and the e2e tests (which call the running server over HTTP), so it imports neither Next
 * nor the database: the caller passes the transport.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { AttributionMode, SourceType } from "../../lib/generated/prisma/enums";

export interface GoldSpan {
  start: number;
  end: number;
  text: string;
}
export interface GoldSource {
  id: string;
  label: string;
  type: SourceType;
  named: boolean;
  count: number | null;
  affiliation: string | null;
  role: string | null;
  anonymityReason: string | null;
}
export interface GoldClaim {
  id: string;
  sentence: string;
  content: GoldSpan;
  source: string;
  sourceMention: GoldSpan;
  cue: GoldSpan;
  mode: AttributionMode;
  via: string | null;
  anaphor: string | null;
  acceptableSources: string[];
}
export interface RafahGold {
  headings: GoldSpan[];
  sentences: (GoldSpan & { id: string })[];
  sources: GoldSource[];
  claims: GoldClaim[];
}

const dir = path.resolve(import.meta.dirname, "..", "..", "fixtures", "rafah");
export const rafahText = readFileSync(path.join(dir, "article.txt"), "utf8");
export const rafahGold: RafahGold = JSON.parse(readFileSync(path.join(dir, "gold.json"), "utf8"));

export const goldClaim = (id: string) => rafahGold.claims.find((c) => c.id === id)!;
export const goldSource = (id: string) => rafahGold.sources.find((s) => s.id === id)!;

/** Named sources are unique workspace-wide, so each seeding names its own; anonymous descriptors never merge. */
export const seededSourceName = (source: GoldSource, suffix: string) =>
  source.type.startsWith("anonymous") ? source.label : `${source.label}${suffix}`;

export type SeedPath = "/api/articles" | "/api/sources" | "/api/claims" | "/api/attributions";
/** One POST of the JSON API: resolves to the created resource, rejects on any other answer. */
export type PostJson<T extends { id: string }> = (path: SeedPath, body: unknown) => Promise<T>;

/** The Rafah article tagged exactly as its gold file says: 10 claims, 9 sources, one `via`. */
export async function seedRafahGold<T extends { id: string }>(
  post: PostJson<T>,
  { title, suffix }: { title: string; suffix: string },
) {
  const article = await post("/api/articles", { title, body: rafahText, language: "en" });
  const sourceIds = new Map<string, string>();
  for (const s of rafahGold.sources) {
    const created = await post("/api/sources", {
      type: s.type,
      name: seededSourceName(s, suffix),
      count: s.count,
      affiliation: s.affiliation,
      role: s.role,
      anonymityReason: s.anonymityReason,
    });
    sourceIds.set(s.id, created.id);
  }
  const claimIds = new Map<string, string>();
  for (const c of rafahGold.claims) {
    const claim = await post("/api/claims", { articleId: article.id, start: c.content.start, end: c.content.end });
    claimIds.set(c.id, claim.id);
    await post("/api/attributions", {
      claimId: claim.id,
      sourceId: sourceIds.get(c.source),
      mode: c.mode,
      cue: { start: c.cue.start, end: c.cue.end },
      mention: { start: c.sourceMention.start, end: c.sourceMention.end },
      viaSourceId: c.via ? sourceIds.get(c.via) : null,
    });
  }
  return { article, sourceIds, claimIds };
}

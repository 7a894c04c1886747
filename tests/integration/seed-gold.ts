import * as articles from "@/app/api/articles/route";
import * as attributions from "@/app/api/attributions/route";
import * as claims from "@/app/api/claims/route";
import * as sources from "@/app/api/sources/route";
import { call, rafahGold, rafahText, type TestUser, unique } from "./helpers";

interface GoldSource {
  id: string;
  label: string;
  type: string;
  count: number | null;
  affiliation: string | null;
  role: string | null;
  anonymityReason: string | null;
}
interface GoldSpan {
  start: number;
  end: number;
  text: string;
}
interface GoldClaim {
  id: string;
  content: GoldSpan;
  source: string;
  sourceMention: GoldSpan;
  cue: GoldSpan;
  mode: string;
  via: string | null;
}

async function post(handler: typeof articles.POST, user: TestUser, body: unknown) {
  const { status, json } = await call(handler, "POST", { user, body });
  if (status !== 201) throw new Error(`seed failed (${status}): ${JSON.stringify(json)}`);
  return json;
}

/**
 * The Rafah article tagged as in its gold file, through the real API. Named sources get a unique
 * suffix so each test run has its own (named sources are unique workspace-wide).
 */
export async function seedRafahGold(editor: TestUser) {
  const article = await post(articles.POST, editor, { title: unique("Rafah gold"), body: rafahText, language: "en" });
  const suffix = unique("");
  const sourceIds = new Map<string, string>();
  for (const s of rafahGold.sources as GoldSource[]) {
    const created = await post(sources.POST, editor, {
      type: s.type,
      name: s.type.startsWith("anonymous") ? s.label : `${s.label}${suffix}`,
      count: s.count,
      affiliation: s.affiliation,
      role: s.role,
      anonymityReason: s.anonymityReason,
    });
    sourceIds.set(s.id, created.id);
  }
  const claimIds = new Map<string, string>();
  for (const c of rafahGold.claims as GoldClaim[]) {
    const claim = await post(claims.POST, editor, {
      articleId: article.id,
      start: c.content.start,
      end: c.content.end,
    });
    claimIds.set(c.id, claim.id);
    await post(attributions.POST, editor, {
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

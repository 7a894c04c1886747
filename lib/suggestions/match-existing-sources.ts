import { db } from "@/lib/db";
import { normalizeSourceName } from "@/lib/sources/normalize-source-name";
import { sourceUniqueKey } from "@/lib/sources/source-key";
import { isAnonymousType } from "@/lib/sources/source-types";
import type { SourceType, Suggestion } from "./engine";

interface Candidate {
  type: SourceType;
  name: string;
}

/**
 * Finds the existing source each suggested source would be: a named source anywhere in the
 * workspace under its normalised name; an anonymous descriptor only among this article's sources
 * (two "senior officials" in different stories are different people).
 */
export async function matchExistingSources({
  candidates,
  articleId,
}: {
  candidates: Candidate[];
  articleId: string | null;
}): Promise<(c: Candidate) => string | null> {
  const keys = [
    ...new Set(candidates.map((c) => sourceUniqueKey(c.type, c.name)).filter((k): k is string => k !== null)),
  ];
  const named = keys.length
    ? await db().source.findMany({ where: { uniqueKey: { in: keys } }, select: { id: true, uniqueKey: true } })
    : [];
  const anonymous = articleId
    ? await db().source.findMany({
        where: {
          type: { in: ["anonymous_individual", "anonymous_group"] },
          OR: [
            { attributions: { some: { claim: { articleId } } } },
            { viaAttributions: { some: { claim: { articleId } } } },
          ],
        },
        select: { id: true, type: true, name: true },
      })
    : [];
  const byKey = new Map(named.map((s) => [s.uniqueKey, s.id]));
  return (c) =>
    isAnonymousType(c.type)
      ? (anonymous.find((s) => s.type === c.type && normalizeSourceName(s.name) === normalizeSourceName(c.name))?.id ??
        null)
      : (byKey.get(sourceUniqueKey(c.type, c.name)) ?? null);
}

export async function withExistingSources<S extends Suggestion>(
  suggestions: S[],
  articleId: string | null,
): Promise<S[]> {
  const find = await matchExistingSources({ candidates: suggestions.map((s) => s.source), articleId });
  return suggestions.map((s) => ({ ...s, source: { ...s.source, existingSourceId: find(s.source) } }));
}

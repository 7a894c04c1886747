import { lockArticleForSourcing } from "@/lib/articles/sourcing-change";
import { insertAttribution } from "@/lib/attributions/write-attribution";
import { insertClaim } from "@/lib/claims/create-claim";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { sourceUniqueKey } from "@/lib/sources/source-key";
import { insertSource } from "@/lib/sources/write-source";
import { findArticleSuggestions, type KeyedSuggestion } from "./article-suggestions";
import type { SuggestedSource } from "./engine";

export interface SuggestionAction {
  articleId: string;
  key: string;
  actorId: string;
}

/** The suggested source as a record: the existing one it matched, the named one created meanwhile, or a new one. */
async function resolveSource(tx: Tx, source: SuggestedSource, actorId: string): Promise<string> {
  if (
    source.existingSourceId &&
    (await tx.source.findUnique({ where: { id: source.existingSourceId }, select: { id: true } }))
  ) {
    return source.existingSourceId;
  }
  const key = sourceUniqueKey(source.type, source.name);
  const named = key ? await tx.source.findUnique({ where: { uniqueKey: key }, select: { id: true } }) : null;
  if (named) return named.id;
  const { existingSourceId: _ignored, ...fields } = source;
  return (await insertSource(tx, fields, actorId)).id;
}

export function findOpen(suggestions: KeyedSuggestion[], key: string): KeyedSuggestion {
  const suggestion = suggestions.find((s) => s.key === key);
  if (!suggestion)
    throw new AppError(
      "not_found",
      "This suggestion is no longer open: it was accepted or rejected, or the text changed",
    );
  return suggestion;
}

/**
 * Turns an open suggestion into a claim and attribution in one transaction, reusing the claim if
 * the exact span is already a claim and never duplicating a source that exists under its
 * normalised name. The server recomputes the suggestion: clients name it, they cannot forge it.
 * The attribution records that it came from a suggestion, and the engine's confidence.
 */
export async function acceptSuggestion({ articleId, key, actorId }: SuggestionAction) {
  const { body, suggestions } = await findArticleSuggestions({ articleId });
  const s = findOpen(suggestions, key);
  return db().$transaction(async (tx) => {
    if ((await lockArticleForSourcing(tx, { articleId, actorId, change: "suggestion.accept" })) !== body)
      throw new AppError("conflict", "The article text changed meanwhile; reload the suggestions");
    const sourceId = await resolveSource(tx, s.source, actorId);
    const viaSourceId = s.via
      ? await resolveSource(
          tx,
          {
            type: s.via.type,
            name: s.via.name,
            count: null,
            affiliation: null,
            role: null,
            anonymityReason: null,
            existingSourceId: null,
          },
          actorId,
        )
      : null;
    const existing = await tx.claim.findFirst({
      where: { articleId, start: s.content.start, end: s.content.end, orphaned: false },
      select: { id: true },
    });
    const claimId =
      existing?.id ??
      (
        await insertClaim(
          tx,
          {
            articleId,
            start: s.content.start,
            end: s.content.end,
            ...(s.contentParts?.length ? { parts: s.contentParts } : {}),
          },
          actorId,
        )
      ).id;
    const attribution = await insertAttribution(
      tx,
      {
        claimId,
        sourceId,
        mode: s.mode,
        cue: s.cue,
        mention: s.mention,
        viaSourceId: viaSourceId === sourceId ? null : viaSourceId,
        provenance: { origin: "suggestion", confidence: s.confidence },
      },
      actorId,
    );
    return { claimId, attribution };
  });
}

import type { Attribution, Claim, Source } from "@/lib/generated/prisma/client";
import { readAttributes } from "@/lib/sources/person-attributes";
import { isAnonymousType } from "@/lib/sources/source-types";

/** The API's JSON shapes, in one place so every endpoint answers alike. */
export function presentSource(s: Source) {
  return {
    id: s.id,
    type: s.type,
    name: s.name,
    anonymous: isAnonymousType(s.type),
    count: s.count,
    affiliation: s.affiliation,
    role: s.role,
    anonymityReason: s.anonymityReason,
    identityKnownToNewsroom: s.identityKnownToNewsroom,
    gender: s.gender,
    attributes: readAttributes(s.attributes),
    notes: s.notes,
    version: s.version,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}
export type SourceJson = ReturnType<typeof presentSource>;

function presentSpan(body: string, start: number | null, end: number | null) {
  return start === null || end === null ? null : { start, end, text: body.slice(start, end) };
}

export type AttributionWithSources = Attribution & { source: Source; viaSource: Source | null };

export function presentAttribution(a: AttributionWithSources, body: string) {
  return {
    id: a.id,
    claimId: a.claimId,
    mode: a.mode,
    cue: presentSpan(body, a.cueStart, a.cueEnd),
    mention: presentSpan(body, a.mentionStart, a.mentionEnd),
    source: presentSource(a.source),
    via: a.viaSource ? presentSource(a.viaSource) : null,
    note: a.note,
    origin: a.origin,
    confidence: a.confidence,
    version: a.version,
    createdById: a.createdById,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}
export type AttributionJson = ReturnType<typeof presentAttribution>;

export type ClaimWithAttributions = Claim & { attributions: AttributionWithSources[] };

export function presentClaim(c: Claim & { attributions?: AttributionWithSources[] }, body: string) {
  return {
    id: c.id,
    articleId: c.articleId,
    start: c.start,
    end: c.end,
    text: c.text,
    prefix: c.prefix,
    suffix: c.suffix,
    orphaned: c.orphaned,
    parts: (c.parts as { start: number; end: number }[] | null) ?? null,
    reviewStatus: c.reviewStatus,
    reviewComment: c.reviewComment,
    version: c.version,
    createdById: c.createdById,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    attributions: (c.attributions ?? []).map((a) => presentAttribution(a, body)),
  };
}
export type ClaimJson = ReturnType<typeof presentClaim>;

export const attributionInclude = { source: true, viaSource: true } as const;
export const claimInclude = { attributions: { include: attributionInclude, orderBy: { createdAt: "asc" } } } as const;

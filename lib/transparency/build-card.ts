import type { SourceType } from "@/lib/generated/prisma/enums";
import { isAnonymousType } from "@/lib/sources/source-types";
import { statedText } from "@/lib/text/stated-text";

/** What load-card.ts reads: the only columns the public card is ever built from. */
export interface CardRows {
  article: {
    id: string;
    title: string;
    outlet: string | null;
    url: string | null;
    language: string;
    publishedAt: Date | null;
    approvedAt: Date | null;
    publicId: string;
  };
  claims: { attributed: number; anonymousOnly: number; secondHand: number };
  sources: {
    type: SourceType;
    name: string;
    role: string | null;
    affiliation: string | null;
    count: number | null;
    reason: string | null;
    claims: number;
  }[];
  chains: { type: SourceType; name: string; viaType: SourceType; viaName: string; claims: number }[];
}

/** Only http(s) links reach readers (an imported workspace could carry any string). */
function safeUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}

const blankToNull = statedText;

/**
 * The public transparency card. Each field is copied by name, so the card holds exactly what is
 * listed here (tests/integration/transparency.test.ts checks the keys against an allow-list).
 */
export function buildCard({ article, claims, sources, chains }: CardRows) {
  const named = sources.filter((s) => !isAnonymousType(s.type) && s.type !== "document");
  return {
    format: "sourcedesk-transparency" as const,
    version: 1 as const,
    publicId: article.publicId,
    article: {
      title: article.title,
      outlet: article.outlet,
      url: safeUrl(article.url),
      language: article.language,
      publishedAt: article.publishedAt?.toISOString() ?? null,
    },
    /** When editors last approved the article's sourcing. */
    reviewedAt: article.approvedAt?.toISOString() ?? null,
    claims: {
      attributed: claims.attributed,
      anonymousOnly: claims.anonymousOnly,
      /** Of the attributed claims, the share resting only on anonymous sources (null without any). */
      anonymousShare: claims.attributed ? claims.anonymousOnly / claims.attributed : null,
      secondHand: claims.secondHand,
    },
    namedSources: named.map((s) => ({
      type: s.type,
      name: s.name,
      role: blankToNull(s.role),
      affiliation: blankToNull(s.affiliation),
      claims: s.claims,
    })),
    anonymousSources: sources
      .filter((s) => isAnonymousType(s.type))
      .map((s) => ({
        type: s.type,
        descriptor: s.name,
        count: s.count,
        reason: blankToNull(s.reason),
        claims: s.claims,
      })),
    documents: sources
      .filter((s) => s.type === "document")
      .map((s) => ({ name: s.name, affiliation: blankToNull(s.affiliation), claims: s.claims })),
    secondHand: chains.map((c) => ({
      source: { type: c.type, name: c.name },
      via: { type: c.viaType, name: c.viaName },
      claims: c.claims,
    })),
  };
}
export type TransparencyCard = ReturnType<typeof buildCard>;

import type {
  Article,
  Attribution,
  Claim,
  RejectedSuggestion,
  Source,
  Statement,
  User,
} from "@/lib/generated/prisma/client";
import { readAttributes } from "@/lib/sources/person-attributes";
import type { ArticleRecord, AttributionRecord, ClaimRecord, SourceRecord, UserRecord } from "./format";

// Pure mappings from rows to the file's records. Key order here IS the file's key order.

const iso = (d: Date) => d.toISOString();
const span = (body: string, start: number | null, end: number | null) =>
  start === null || end === null ? null : { start, end, text: body.slice(start, end) };

/** Deliberately field by field: a password hash can never end up in the file. */
export const toUserRecord = (
  u: Pick<User, "id" | "email" | "name" | "role" | "createdAt" | "updatedAt">,
): UserRecord => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  createdAt: iso(u.createdAt),
  updatedAt: iso(u.updatedAt),
});

export const toSourceRecord = (s: Source): SourceRecord => ({
  id: s.id,
  type: s.type,
  name: s.name,
  count: s.count,
  affiliation: s.affiliation,
  role: s.role,
  anonymityReason: s.anonymityReason,
  identityKnownToNewsroom: s.identityKnownToNewsroom,
  gender: s.gender,
  attributes: readAttributes(s.attributes),
  notes: s.notes,
  version: s.version,
  createdAt: iso(s.createdAt),
  updatedAt: iso(s.updatedAt),
});

export const toArticleRecord = (
  a: Article & { statements: Statement[]; rejectedSuggestions: RejectedSuggestion[] },
): ArticleRecord => ({
  id: a.id,
  title: a.title,
  body: a.body,
  language: a.language,
  outlet: a.outlet,
  author: a.author,
  desk: a.desk,
  url: a.url,
  publishedAt: a.publishedAt ? iso(a.publishedAt) : null,
  status: a.status,
  publicId: a.publicId,
  approvedAt: a.approvedAt ? iso(a.approvedAt) : null,
  version: a.version,
  createdById: a.createdById,
  createdAt: iso(a.createdAt),
  updatedAt: iso(a.updatedAt),
  statements: [...a.statements]
    .sort((x, y) => x.ordinal - y.ordinal)
    .map((s) => ({
      id: s.id,
      ordinal: s.ordinal,
      kind: s.kind,
      start: s.start,
      end: s.end,
      text: a.body.slice(s.start, s.end),
    })),
  rejectedSuggestions: [...a.rejectedSuggestions]
    .sort((x, y) => (x.id < y.id ? -1 : 1))
    .map((r) => ({ id: r.id, key: r.key, actorId: r.actorId, createdAt: iso(r.createdAt) })),
});

export const toClaimRecord = (c: Claim, body: string): ClaimRecord => ({
  id: c.id,
  articleId: c.articleId,
  start: c.start,
  end: c.end,
  text: c.text,
  prefix: c.prefix,
  suffix: c.suffix,
  orphaned: c.orphaned,
  parts: (c.parts as { start: number; end: number }[] | null)?.map((p) => span(body, p.start, p.end)!) ?? null,
  reviewStatus: c.reviewStatus,
  reviewComment: c.reviewComment,
  version: c.version,
  createdById: c.createdById,
  createdAt: iso(c.createdAt),
  updatedAt: iso(c.updatedAt),
});

export const toAttributionRecord = (a: Attribution, body: string): AttributionRecord => ({
  id: a.id,
  claimId: a.claimId,
  sourceId: a.sourceId,
  mode: a.mode,
  cue: span(body, a.cueStart, a.cueEnd),
  mention: span(body, a.mentionStart, a.mentionEnd),
  viaSourceId: a.viaSourceId,
  note: a.note,
  origin: a.origin,
  confidence: a.confidence,
  version: a.version,
  createdById: a.createdById,
  createdAt: iso(a.createdAt),
  updatedAt: iso(a.updatedAt),
});

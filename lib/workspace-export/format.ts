import { z } from "zod";

/**
 * The workspace file: one JSON document other tools can read, and that imports back losslessly.
 *
 *   { "format": "sourcedesk-workspace", "version": 1,
 *     "users":        [{id, email, name, role, createdAt, updatedAt}],                   no secrets
 *     "sources":      [{id, type, name, count, affiliation, role, anonymityReason,
 *                       identityKnownToNewsroom, gender, attributes, notes, version, createdAt,
 *                       updatedAt}],
 *     "articles":     [{id, title, body, language, outlet, author, desk, url, publishedAt, status,
 *                       publicId, approvedAt, version, createdById, createdAt, updatedAt,
 *                       statements: [{id, ordinal, kind, start, end, text}],
 *                       rejectedSuggestions: [{id, key, actorId, createdAt}]}],
 *     "claims":       [{id, articleId, start, end, text, prefix, suffix, orphaned,
 *                       parts: [{start, end, text}] | null, reviewStatus, reviewComment, version,
 *                       createdById, createdAt, updatedAt}],
 *     "attributions": [{id, claimId, sourceId, mode, cue: {start, end, text} | null,
 *                       mention: {start, end, text} | null, viaSourceId, note,
 *                       origin: "manual" | "suggestion", confidence: number | null, version,
 *                       createdById, createdAt, updatedAt}] }
 *
 * Offsets are UTF-16 code units into the article's `body`; every span carries its text
 * (`body.slice(start, end)`), except that an orphaned claim's `text` is the quote it lost. Times
 * are ISO 8601 UTC with milliseconds. Every list is sorted by `id` (statements by `ordinal`), one
 * record per line, so the same workspace always gives the same bytes. Not included: password
 * hashes, sessions, API tokens (secrets) and the audit log (history: use `npm run db:backup`).
 * A later version changes or removes a field only with a new `version`; an optional field may be
 * added within one (older files without it still import; `author`, `desk`, `publicId`, `approvedAt`,
 * `gender`, `attributes` came so, and each attribution's `origin` and `confidence`: an accepted
 * suggestion and the engine's confidence).
 */
export const WORKSPACE_FORMAT = "sourcedesk-workspace";
export const WORKSPACE_VERSION = 1;

const id = z.uuid();
const time = z.iso.datetime({ precision: 3 });
const offset = z.number().int().min(0);
const spanWithText = z.object({ start: offset, end: offset, text: z.string() }).strict();
const nullableText = z.string().nullable();

export const userRecord = z
  .object({
    id,
    email: z.string().min(1),
    name: z.string(),
    role: z.enum(["admin", "editor", "reviewer"]),
    createdAt: time,
    updatedAt: time,
  })
  .strict();

export const sourceRecord = z
  .object({
    id,
    type: z.enum(["person", "organization", "media_outlet", "document", "anonymous_individual", "anonymous_group"]),
    name: z.string().min(1),
    count: z.number().int().nullable(),
    affiliation: nullableText,
    role: nullableText,
    anonymityReason: nullableText,
    identityKnownToNewsroom: z.boolean().nullable(),
    // Added within version 1 (optional: older files import as `unknown` / no attributes).
    gender: z.enum(["woman", "man", "nonbinary", "unknown"]).optional(),
    attributes: z.record(z.string(), z.string()).optional(),
    notes: z.string(),
    version: z.number().int().min(1),
    createdAt: time,
    updatedAt: time,
  })
  .strict();

export const statementRecord = z
  .object({
    id,
    ordinal: z.number().int().min(0),
    kind: z.enum(["heading", "sentence"]),
    start: offset,
    end: offset,
    text: z.string(),
  })
  .strict();

export const rejectedSuggestionRecord = z
  .object({ id, key: z.string(), actorId: id.nullable(), createdAt: time })
  .strict();

export const articleRecord = z
  .object({
    id,
    title: z.string(),
    body: z.string().min(1),
    language: z.string(),
    outlet: nullableText,
    // Added within version 1: optional, so files written before them still import (as null).
    author: nullableText.optional(),
    desk: nullableText.optional(),
    url: nullableText,
    publishedAt: time.nullable(),
    status: z.enum(["draft", "in_review", "approved"]),
    // Added within version 1: the transparency card's id (kept, so embedded cards keep working
    // on the new instance) and the last approval.
    publicId: nullableText.optional(),
    approvedAt: time.nullable().optional(),
    version: z.number().int().min(1),
    createdById: id,
    createdAt: time,
    updatedAt: time,
    statements: z.array(statementRecord),
    rejectedSuggestions: z.array(rejectedSuggestionRecord),
  })
  .strict();

export const claimRecord = z
  .object({
    id,
    articleId: id,
    start: offset,
    end: offset,
    text: z.string(),
    prefix: z.string(),
    suffix: z.string(),
    orphaned: z.boolean(),
    parts: z.array(spanWithText).nullable(),
    reviewStatus: z.enum(["pending", "approved", "flagged"]),
    reviewComment: nullableText,
    version: z.number().int().min(1),
    createdById: id,
    createdAt: time,
    updatedAt: time,
  })
  .strict();

export const attributionRecord = z
  .object({
    id,
    claimId: id,
    sourceId: id,
    mode: z.enum(["direct_quote", "partial_quote", "paraphrase"]),
    cue: spanWithText.nullable(),
    mention: spanWithText.nullable(),
    viaSourceId: id.nullable(),
    note: nullableText,
    // Added within version 1: files written before them import as typed by hand.
    origin: z.enum(["manual", "suggestion"]).optional(),
    confidence: z.number().min(0).max(1).nullable().optional(),
    version: z.number().int().min(1),
    createdById: id,
    createdAt: time,
    updatedAt: time,
  })
  .strict();

export const workspaceFile = z
  .object({
    format: z.literal(WORKSPACE_FORMAT),
    version: z.literal(WORKSPACE_VERSION),
    users: z.array(userRecord),
    sources: z.array(sourceRecord),
    articles: z.array(articleRecord),
    claims: z.array(claimRecord),
    attributions: z.array(attributionRecord),
  })
  .strict();

export type WorkspaceFile = z.infer<typeof workspaceFile>;
export type UserRecord = z.infer<typeof userRecord>;
export type SourceRecord = z.infer<typeof sourceRecord>;
export type ArticleRecord = z.infer<typeof articleRecord>;
export type ClaimRecord = z.infer<typeof claimRecord>;
export type AttributionRecord = z.infer<typeof attributionRecord>;

/** The sections in file order: parents before the records that refer to them. */
export const SECTIONS = ["users", "sources", "articles", "claims", "attributions"] as const;
export type Section = (typeof SECTIONS)[number];

import { randomBytes } from "node:crypto";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseWith } from "@/lib/http";
import { sourceUniqueKey } from "@/lib/sources/source-key";
import { checkWorkspace } from "./check-workspace";
import { WORKSPACE_FORMAT, WORKSPACE_VERSION, type WorkspaceFile, workspaceFile } from "./format";

const BATCH = 1000;
const IMPORTED = `${WORKSPACE_FORMAT}/${WORKSPACE_VERSION}`;

export interface ImportStats {
  users: string[];
  sources: number;
  articles: number;
  statements: number;
  claims: number;
  attributions: number;
}

/** A hash no password matches (not the scrypt scheme): imported people set a new password first. */
export const unusablePasswordHash = () => `imported$no-password$${randomBytes(24).toString("base64url")}`;

const date = (iso: string | null) => (iso === null ? null : new Date(iso));
const spanColumns = (prefix: "cue" | "mention", s: { start: number; end: number } | null) => ({
  [`${prefix}Start`]: s?.start ?? null,
  [`${prefix}End`]: s?.end ?? null,
});

async function insertAll<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/** The workspace tables must hold nothing: an import never merges into, or overwrites, live data. */
async function assertEmpty(tx: Tx) {
  await tx.$executeRaw`LOCK TABLE "User", "Source", "Article", "AuditEvent" IN SHARE ROW EXCLUSIVE MODE`;
  const [users, sources, articles, events] = await Promise.all([
    tx.user.count(),
    tx.source.count(),
    tx.article.count(),
    tx.auditEvent.count(),
  ]);
  if (users + sources + articles + events > 0) {
    throw new AppError(
      "conflict",
      `The database is not empty (${users} users, ${sources} sources, ${articles} articles, ${events} audit events): ` +
        "import a workspace only into a new, empty database. Nothing was changed.",
    );
  }
}

/**
 * Imports a sourcedesk-workspace document into an empty database with the same ids, in one
 * transaction (all or nothing), each record audited as created by the import. Users come without
 * passwords (the file holds no secrets): each gets an unusable hash until an admin sets a new one.
 */
export async function importWorkspace(input: unknown): Promise<ImportStats> {
  const file: WorkspaceFile = parseWith(workspaceFile, input);
  const problems = checkWorkspace(file);
  if (problems.length)
    throw new AppError("validation_error", `The workspace file is inconsistent:\n  ${problems.join("\n  ")}`);

  await db().$transaction(
    async (tx) => {
      await assertEmpty(tx);
      await insertAll(file.users, (batch) =>
        tx.user.createMany({
          data: batch.map((u) => ({
            id: u.id,
            email: u.email,
            name: u.name,
            role: u.role,
            passwordHash: unusablePasswordHash(),
            createdAt: date(u.createdAt)!,
            updatedAt: date(u.updatedAt)!,
          })),
        }),
      );
      await insertAll(file.sources, (batch) =>
        tx.source.createMany({
          data: batch.map((s) => ({
            ...s,
            uniqueKey: sourceUniqueKey(s.type, s.name),
            createdAt: date(s.createdAt)!,
            updatedAt: date(s.updatedAt)!,
          })),
        }),
      );
      await insertAll(file.articles, (batch) =>
        tx.article.createMany({
          data: batch.map(({ statements: _s, rejectedSuggestions: _r, ...a }) => ({
            ...a,
            publishedAt: date(a.publishedAt),
            approvedAt: date(a.approvedAt ?? null),
            createdAt: date(a.createdAt)!,
            updatedAt: date(a.updatedAt)!,
          })),
        }),
      );
      // Statements are most of the rows (a long article has thousands): one set-based INSERT per
      // batch instead of createMany, which builds every row in JavaScript and is many times slower.
      await insertAll(
        file.articles.flatMap((a) => a.statements.map(({ text: _t, ...s }) => ({ ...s, articleId: a.id }))),
        (batch) => tx.$executeRaw`
        INSERT INTO "Statement" (id, "articleId", ordinal, kind, start, "end")
        SELECT id, "articleId", ordinal, kind, start, "end"
        FROM jsonb_to_recordset(${JSON.stringify(batch)}::jsonb)
          AS s(id uuid, "articleId" uuid, ordinal int, kind "StatementKind", start int, "end" int)`,
      );
      await insertAll(
        file.articles.flatMap((a) =>
          a.rejectedSuggestions.map((r) => ({ ...r, articleId: a.id, createdAt: date(r.createdAt)! })),
        ),
        (batch) => tx.rejectedSuggestion.createMany({ data: batch }),
      );
      await insertAll(file.claims, (batch) =>
        tx.claim.createMany({
          data: batch.map((c) => ({
            ...c,
            parts: c.parts ? c.parts.map((p) => ({ start: p.start, end: p.end })) : Prisma.DbNull,
            createdAt: date(c.createdAt)!,
            updatedAt: date(c.updatedAt)!,
          })),
        }),
      );
      await insertAll(file.attributions, (batch) =>
        tx.attribution.createMany({
          data: batch.map(({ cue, mention, ...a }) => ({
            ...a,
            ...spanColumns("cue", cue),
            ...spanColumns("mention", mention),
            createdAt: date(a.createdAt)!,
            updatedAt: date(a.updatedAt)!,
          })),
        }),
      );
      await recordImport(tx, file);
    },
    { timeout: 60 * 60_000, maxWait: 30_000 },
  );

  return {
    users: file.users.map((u) => u.email),
    sources: file.sources.length,
    articles: file.articles.length,
    statements: file.articles.reduce((n, a) => n + a.statements.length, 0),
    claims: file.claims.length,
    attributions: file.attributions.length,
  };
}

/** One create event per imported record (statements come with their article's), as a normal create writes. */
async function recordImport(tx: Tx, file: WorkspaceFile) {
  const articleOf = new Map(file.claims.map((c) => [c.id, c.articleId]));
  const events = [
    ...file.users.map((u) => ({
      entity: "user",
      entityId: u.id,
      articleId: null,
      after: { id: u.id, email: u.email, name: u.name, role: u.role },
    })),
    ...file.sources.map((s) => ({ entity: "source", entityId: s.id, articleId: null, after: s })),
    ...file.articles.map(({ body, statements, rejectedSuggestions: _r, ...a }) => ({
      entity: "article",
      entityId: a.id,
      articleId: a.id,
      after: { ...a, bodyLength: body.length, statements: statements.length },
    })),
    ...file.articles.flatMap((a) =>
      a.rejectedSuggestions.map((r) => ({
        entity: "rejected_suggestion",
        entityId: r.id,
        articleId: a.id,
        after: { key: r.key },
      })),
    ),
    ...file.claims.map((c) => ({ entity: "claim", entityId: c.id, articleId: c.articleId, after: c })),
    ...file.attributions.map((a) => ({
      entity: "attribution",
      entityId: a.id,
      articleId: articleOf.get(a.claimId) ?? null,
      after: a,
    })),
  ];
  await insertAll(events, (batch) =>
    tx.auditEvent.createMany({
      data: batch.map((e) => ({
        actorId: null,
        action: "create",
        ...e,
        after: { ...e.after, importedFrom: IMPORTED } as Prisma.InputJsonValue,
      })),
    }),
  );
}

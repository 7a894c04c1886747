import type { Tx } from "@/lib/db";
import type { Section } from "./format";
import { toArticleRecord, toAttributionRecord, toClaimRecord, toSourceRecord, toUserRecord } from "./to-records";

/**
 * Keyset pages by id (uuids compare in PostgreSQL as their lowercase hex text does in JavaScript),
 * so memory stays flat however large the workspace: a page of rows at a time.
 */
async function* pages<T extends { id: string }>(
  load: (after: string | undefined, take: number) => Promise<T[]>,
  take: number,
) {
  let after: string | undefined;
  for (;;) {
    const rows = await load(after, take);
    yield rows;
    if (rows.length < take) return;
    after = rows[rows.length - 1].id;
  }
}

const idAfter = (after: string | undefined) => (after ? { id: { gt: after } } : {});

/** Article bodies for a page of claims or attributions, each read once per page. */
async function bodiesOf(db: Tx, articleIds: string[]) {
  const rows = await db.article.findMany({
    where: { id: { in: [...new Set(articleIds)] } },
    select: { id: true, body: true },
  });
  return new Map(rows.map((r) => [r.id, r.body]));
}

/**
 * Every record of one section of the file, in file order. Pass the client of a REPEATABLE READ
 * transaction: all sections then come from one moment, so no attribution names a claim the file
 * lacks even while editors keep working.
 */
export async function* readSection(db: Tx, section: Section): AsyncGenerator<unknown> {
  if (section === "users") {
    for await (const rows of pages(
      (after, take) =>
        db.user.findMany({
          where: idAfter(after),
          orderBy: { id: "asc" },
          take,
          select: { id: true, email: true, name: true, role: true, createdAt: true, updatedAt: true },
        }),
      1000,
    ))
      yield* rows.map(toUserRecord);
  } else if (section === "sources") {
    for await (const rows of pages(
      (after, take) => db.source.findMany({ where: idAfter(after), orderBy: { id: "asc" }, take }),
      1000,
    )) {
      yield* rows.map(toSourceRecord);
    }
  } else if (section === "articles") {
    // Small pages: an article carries its whole text and every statement.
    for await (const rows of pages(
      (after, take) =>
        db.article.findMany({
          where: idAfter(after),
          orderBy: { id: "asc" },
          take,
          include: { statements: true, rejectedSuggestions: true },
        }),
      20,
    ))
      yield* rows.map(toArticleRecord);
  } else if (section === "claims") {
    for await (const rows of pages(
      (after, take) => db.claim.findMany({ where: idAfter(after), orderBy: { id: "asc" }, take }),
      500,
    )) {
      const bodies = await bodiesOf(
        db,
        rows.map((c) => c.articleId),
      );
      yield* rows.map((c) => toClaimRecord(c, bodies.get(c.articleId)!));
    }
  } else {
    for await (const rows of pages(
      (after, take) =>
        db.attribution.findMany({
          where: idAfter(after),
          orderBy: { id: "asc" },
          take,
          include: { claim: { select: { articleId: true } } },
        }),
      500,
    )) {
      const bodies = await bodiesOf(
        db,
        rows.map((a) => a.claim.articleId),
      );
      yield* rows.map(({ claim, ...a }) => toAttributionRecord(a, bodies.get(claim.articleId)!));
    }
  }
}

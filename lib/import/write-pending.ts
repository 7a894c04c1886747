import { randomUUID } from "node:crypto";
import type { PoolClient } from "pg";
import { newArticleFields } from "@/lib/articles/create-article";
import { importPool } from "@/lib/pg-pool";
import type { TextSegment } from "@/lib/statements/segment-text";
import { type ArticleKey, findExisting, lockKeys } from "./find-duplicates";
import type { ImportFailure, ImportLine, ImportSummary, OnDuplicate } from "./schema";
import type { Segmenter } from "./segmenter";
import { updateDuplicate } from "./update-duplicate";
import { type BulkArticle, writeBatch } from "./write-batch";

/** A valid line waiting for its batch. */
export interface Pending {
  line: number;
  ref?: string;
  input: ImportLine;
}

/** What every batch of one import shares: who imports, what to do with duplicates, the running summary. */
export interface BatchContext {
  importId: string;
  actorId: string;
  onDuplicate: OnDuplicate;
  segment: Segmenter;
  summary: ImportSummary;
  fail: (failure: ImportFailure) => Promise<void>;
}

export const keyOf = (p: ImportLine): ArticleKey => ({ externalId: p.externalId ?? null, url: p.url ?? null });

/**
 * Writes one batch in one transaction under its stories' advisory locks: new stories are inserted
 * in bulk (write-batch.ts), the ones already there are skipped or updated afterwards, each through
 * the ordinary article update. `segments` holds the statements of the stories the first look found
 * new; one deleted since is segmented here. A batch the database refuses is retried line by line,
 * so one bad article fails alone.
 */
export async function writePending(
  batch: Pending[],
  segments: Map<Pending, TextSegment[]>,
  context: BatchContext,
): Promise<void> {
  const { summary } = context;
  try {
    const duplicates = await inTransaction(async (client) => {
      const keys = batch.map((p) => keyOf(p.input));
      await lockKeys(client, keys);
      const existing = await findExisting(client, keys);
      const lineOf = new Map<string, number>();
      const fresh: BulkArticle[] = [];
      for (const [i, p] of batch.entries()) {
        if (existing[i]) continue;
        const statements = segments.get(p) ?? (await context.segment([p.input.body]))[0];
        const article = toBulk(p.input, statements);
        lineOf.set(article.id, p.line);
        fresh.push(article);
      }
      await writeBatch(
        client,
        { articles: fresh },
        {
          actorId: context.actorId,
          audit: (a) => ({
            id: a.id,
            title: a.title,
            language: a.language,
            outlet: a.outlet,
            author: a.author,
            desk: a.desk,
            url: a.url,
            externalId: a.externalId,
            publishedAt: a.publishedAt,
            bodyLength: a.body.length,
            statements: a.statements.length,
            importedFrom: { importId: context.importId, line: lineOf.get(a.id) },
          }),
        },
      );
      return existing;
    });
    summary.created += duplicates.filter((d) => !d).length;
    for (const [i, existing] of duplicates.entries()) {
      if (!existing) continue;
      if (context.onDuplicate === "skip") {
        summary.skipped++;
        continue;
      }
      try {
        const changed = await updateDuplicate({ existing, input: batch[i].input, actorId: context.actorId });
        if (changed) summary.updated++;
        else summary.skipped++;
      } catch (error) {
        await context.fail({
          line: batch[i].line,
          ref: batch[i].ref,
          reason: `update failed: ${(error as Error).message}`,
        });
      }
    }
  } catch (error) {
    if (batch.length === 1) {
      await context.fail({ line: batch[0].line, ref: batch[0].ref, reason: (error as Error).message });
      return;
    }
    for (const p of batch) await writePending([p], segments, context);
  }
}

function toBulk(input: ImportLine, statements: BulkArticle["statements"]): BulkArticle {
  return { id: randomUUID(), ...newArticleFields(input), externalId: input.externalId ?? null, statements };
}

async function inTransaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await importPool().connect();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

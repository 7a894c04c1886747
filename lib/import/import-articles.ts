import { randomUUID } from "node:crypto";
import type { PoolClient } from "pg";
import { detectLanguage } from "@/lib/articles/detect-language";
import { compactFacetCounts } from "@/lib/claims/compact-facet-counts";
import { issuesFromZod } from "@/lib/http";
import { importPool } from "@/lib/pg-pool";
import type { TextSegment } from "@/lib/statements/segment-text";
import { type ArticleKey, findExisting, lockKeys } from "./find-duplicates";
import {
  type ImportEvent,
  type ImportFailure,
  type ImportLine,
  type ImportSummary,
  importLineSchema,
  type OnDuplicate,
} from "./schema";
import { type Segmenter, segmentOnWorkers } from "./segmenter";
import { updateDuplicate } from "./update-duplicate";
import { type BulkArticle, writeBatch } from "./write-batch";

/** One article to import, or why it cannot be: an NDJSON line or a file of a folder. */
export interface ImportRecord {
  line: number;
  ref?: string;
  input?: unknown;
  error?: string;
}

export interface ImportOptions {
  actorId: string;
  onDuplicate: OnDuplicate;
  /** Articles per transaction (default 200): big enough to amortise round trips, small enough to keep locks short. */
  batchSize?: number;
  segment?: Segmenter;
  /** Batches written at once, each on its own connection (default 2). */
  concurrency?: number;
  /** Progress after every batch, and each failure as it happens. */
  onEvent?: (event: ImportEvent) => void | Promise<void>;
  /** Bytes of the input read so far, for progress. */
  bytesRead?: () => number;
  /** Stops after the batch being written (a cancelled upload). */
  signal?: AbortSignal;
}

/** Failures kept in the summary; every one is also sent as an event. */
const MAX_LISTED_FAILURES = 1000;

interface Pending {
  line: number;
  ref?: string;
  input: ImportLine;
}

const keyOf = (p: ImportLine): ArticleKey => ({ externalId: p.externalId ?? null, url: p.url ?? null });
const keyStrings = (k: ArticleKey) => [k.externalId && `e:${k.externalId}`, k.url && `u:${k.url}`].filter(Boolean);

function describeIssues(input: unknown): string {
  const parsed = importLineSchema.safeParse(input);
  if (parsed.success) return "";
  return issuesFromZod(parsed.error)
    .map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message))
    .join("; ");
}

/**
 * Imports articles in batches (see write-batch.ts): every record is validated, a bad one is
 * reported with its line and the rest goes on; an article already there (same externalId, else
 * same url) is skipped or updated; each batch is one transaction, so an interrupted import leaves
 * whole articles only, and running it again skips what it already stored.
 */
export async function importArticles(
  records: AsyncIterable<ImportRecord>,
  options: ImportOptions,
): Promise<ImportSummary> {
  const started = performance.now();
  const batchSize = options.batchSize ?? 200;
  const segment = options.segment ?? segmentOnWorkers;
  const importId = randomUUID();
  const summary: ImportSummary = { created: 0, updated: 0, skipped: 0, failed: 0, failures: [], seconds: 0 };
  let lines = 0;
  const emit = async (event: ImportEvent) => options.onEvent?.(event);
  const fail = async (failure: ImportFailure) => {
    summary.failed++;
    if (summary.failures.length < MAX_LISTED_FAILURES) summary.failures.push(failure);
    await emit({ type: "failure", ...failure });
  };
  const progress = () =>
    emit({
      type: "progress",
      lines,
      created: summary.created,
      updated: summary.updated,
      skipped: summary.skipped,
      failed: summary.failed,
      bytes: options.bytesRead?.() ?? 0,
    });

  // Up to `concurrency` batches are segmented and written at once (two connections keep both
  // cores busy: one segments while the other's database work runs). Two batches naming the same
  // story meet at its advisory lock (find-duplicates.ts): the second waits, then finds the first.
  const concurrency = options.concurrency ?? 2;
  const inflight = new Set<Promise<void>>();
  let batches = 0;
  const flush = async (batch: Pending[]) => {
    if (!batch.length) return;
    while (inflight.size >= concurrency) await Promise.race(inflight);
    const work = (async () => {
      // Stories already here (the usual case when an import is run again) are not segmented: a
      // first look without locks; the batch's transaction looks again under its locks.
      const known = await findExisting(
        importPool(),
        batch.map((p) => keyOf(p.input)),
      );
      const fresh = batch.filter((_, i) => !known[i]);
      const segmented = await segment(fresh.map((p) => p.input.body));
      const segments = new Map(fresh.map((p, i) => [p, segmented[i]]));
      await writePending(batch, segments);
      if (++batches % 20 === 0) await compactFacetCounts();
      await progress();
    })();
    inflight.add(work);
    // A failed batch stays in the set, so the next race (or the final wait) rethrows its error.
    work.then(
      () => inflight.delete(work),
      () => undefined,
    );
  };

  const writePending = async (batch: Pending[], segments: Map<Pending, TextSegment[]>) => {
    const lineOf = new Map<string, number>();
    try {
      const duplicates = await inTransaction(async (client) => {
        const keys = batch.map((p) => keyOf(p.input));
        await lockKeys(client, keys);
        const existing = await findExisting(client, keys);
        const fresh: BulkArticle[] = [];
        for (const [i, p] of batch.entries()) {
          if (existing[i]) continue;
          // Deleted since the first look: segment it now.
          const statements = segments.get(p) ?? (await segment([p.input.body]))[0];
          const article = toBulk(p.input, statements);
          lineOf.set(article.id, p.line);
          fresh.push(article);
        }
        await writeBatch(
          client,
          {
            articles: fresh,
          },
          {
            actorId: options.actorId,
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
              importedFrom: { importId, line: lineOf.get(a.id) },
            }),
          },
        );
        return existing;
      });
      summary.created += duplicates.filter((d) => !d).length;
      for (const [i, existing] of duplicates.entries()) {
        if (!existing) continue;
        if (options.onDuplicate === "skip") {
          summary.skipped++;
          continue;
        }
        try {
          const changed = await updateDuplicate(existing, batch[i].input, options.actorId);
          if (changed) summary.updated++;
          else summary.skipped++;
        } catch (error) {
          await fail({ line: batch[i].line, ref: batch[i].ref, reason: `update failed: ${(error as Error).message}` });
        }
      }
    } catch (error) {
      // One article the database refuses must not sink its batch: write them one by one.
      if (batch.length === 1) {
        await fail({ line: batch[0].line, ref: batch[0].ref, reason: (error as Error).message });
        return;
      }
      for (const p of batch) await writePending([p], segments);
    }
  };

  let batch: Pending[] = [];
  let keys = new Set<string>();
  for await (const record of records) {
    lines++;
    if (record.error) {
      await fail({ line: record.line, ref: record.ref, reason: record.error });
      continue;
    }
    const parsed = importLineSchema.safeParse(record.input);
    if (!parsed.success) {
      await fail({ line: record.line, ref: record.ref, reason: describeIssues(record.input) });
      continue;
    }
    const k = keyStrings(keyOf(parsed.data));
    // The same story twice in one batch: write the batch first, so the second finds the first.
    if (k.some((s) => keys.has(s as string))) {
      await flush(batch);
      batch = [];
      keys = new Set();
    }
    batch.push({ line: record.line, ref: record.ref ?? parsed.data.externalId ?? undefined, input: parsed.data });
    for (const s of k) keys.add(s as string);
    if (batch.length >= batchSize) {
      await flush(batch);
      batch = [];
      keys = new Set();
      if (options.signal?.aborted) break;
    }
  }
  if (!options.signal?.aborted) await flush(batch);
  await Promise.all(inflight);
  if (batches >= 20) await compactFacetCounts();
  summary.seconds = (performance.now() - started) / 1000;
  await emit({ type: "summary", ...summary });
  return summary;
}

function toBulk(input: ImportLine, statements: BulkArticle["statements"]): BulkArticle {
  return {
    id: randomUUID(),
    title: input.title,
    body: input.body,
    language: input.language ?? detectLanguage(input.body),
    outlet: input.outlet ?? null,
    author: input.author ?? null,
    desk: input.desk ?? null,
    url: input.url ?? null,
    externalId: input.externalId ?? null,
    publishedAt: input.publishedAt ?? null,
    statements,
  };
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

import { randomUUID } from "node:crypto";
import { compactFacetCounts } from "@/lib/claims/compact-facet-counts";
import { issuesFromZod } from "@/lib/http";
import { importPool } from "@/lib/pg-pool";
import { type ArticleKey, findExisting } from "./find-duplicates";
import { type ImportEvent, type ImportFailure, type ImportSummary, importLineSchema, type OnDuplicate } from "./schema";
import { type Segmenter, segmentOnWorkers } from "./segmenter";
import { type BatchContext, keyOf, type Pending, writePending } from "./write-pending";

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
  const context: BatchContext = {
    importId,
    actorId: options.actorId,
    onDuplicate: options.onDuplicate,
    segment,
    summary,
    fail,
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
      await writePending(batch, segments, context);
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

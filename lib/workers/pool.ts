/**
 * Worker threads for CPU-heavy text work (segmentation, suggestions, re-anchoring after an edit), so that importing a 1 MB
 * article or asking for its suggestions never holds the event loop every other request needs.
 *
 * How the workers find their code (Next 16 bundles server code with Turbopack, which rewrites
 * module paths and `import.meta.url`): the pool loads `lib/workers/text-worker.mjs` from the
 * checkout at run time, located from the project root (`SOURCEDESK_ROOT`, set by the launcher,
 * else the working directory, which is the project for `next dev`, `next start`, vitest and the
 * scripts). That plain-JS entry imports the TypeScript tasks through tsx, a runtime dependency.
 * `piscina` is a `serverExternalPackages` entry so Turbopack leaves it (and its own worker file)
 * in node_modules. `SOURCEDESK_TEXT_WORKERS=0` runs the tasks in the calling thread instead.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import Piscina from "piscina";
import type { ReanchorInput, ReanchorPlan } from "@/lib/anchoring/reanchor-article";
import { envNumber } from "@/lib/env";
import { unavailable } from "@/lib/errors";
import type { TextSegment } from "@/lib/statements/segment-text";
import type { Suggestion, SuggestOptions } from "@/lib/suggestions/engine";
import * as tasks from "./text-tasks";

/** Tasks waiting for a thread beyond this are refused (503) rather than queued without end. */
const MAX_QUEUE = 64;
/** A task still running after this is stopped (its thread is replaced) and answered 503. */
const TASK_TIMEOUT_MS = envNumber("SOURCEDESK_TEXT_TASK_TIMEOUT_MS", { default: 60_000, min: 100 });

const globalForPool = globalThis as unknown as { textPool?: Piscina };

function threadCount(): number {
  // Leave a core to the event loop; a couple of threads are plenty for one newsroom's imports.
  const fallback = Math.max(1, Math.min(4, availableParallelism() - 1));
  return envNumber("SOURCEDESK_TEXT_WORKERS", { default: fallback, min: 0, max: 64 });
}

function workerFile(): string {
  const root = process.env.SOURCEDESK_ROOT ?? process.cwd();
  const file = path.join(root, "lib", "workers", "text-worker.mjs");
  if (!existsSync(file))
    throw new Error(`Text worker not found at ${file}: run the app from its folder or set SOURCEDESK_ROOT`);
  return file;
}

function pool(): Piscina {
  globalForPool.textPool ??= new Piscina({
    filename: workerFile(),
    minThreads: 1,
    maxThreads: threadCount(),
    // Workers load tsx, the engine and its lexicons (~0.5 s): keep them warm between imports.
    idleTimeout: 60_000,
    maxQueue: MAX_QUEUE,
  });
  return globalForPool.textPool;
}

async function run<T>(name: "segment" | "suggest" | "reanchor", task: unknown, inline: () => T): Promise<T> {
  if (threadCount() === 0) return inline();
  const p = pool();
  if (p.queueSize >= MAX_QUEUE) throw unavailable("The server is busy processing texts; try again shortly", 5);
  try {
    return (await p.run(task, { name, signal: AbortSignal.timeout(TASK_TIMEOUT_MS) })) as T;
  } catch (error) {
    if ((error as Error).name === "AbortError" || (error as Error).name === "TimeoutError")
      throw unavailable(`Processing the text took longer than ${TASK_TIMEOUT_MS / 1000} s and was stopped`, 30);
    if (/queue is at limit/i.test(String((error as Error).message)))
      throw unavailable("The server is busy processing texts; try again shortly", 5);
    throw error;
  }
}

/** `segmentText(text)` on a worker thread. */
export function runSegmentation(text: string): Promise<TextSegment[]> {
  return run("segment", text, () => tasks.segment(text));
}

/** `suggestAttributions(text, options)` on a worker thread (options must be plain data). */
export function runSuggestions(text: string, options: SuggestOptions = {}): Promise<Suggestion[]> {
  return run("suggest", { text, options }, () => tasks.suggest({ text, options }));
}

/** `reanchorArticle(input)` on a worker thread: a big edit of an article with many claims costs up to ~1 s of CPU. */
export function runReanchor(input: ReanchorInput): Promise<ReanchorPlan> {
  return run("reanchor", input, () => tasks.reanchor(input));
}

/** Stops the threads (tests and scripts that want to exit at once; idle threads never hold a process open). */
export async function closeTextPool(): Promise<void> {
  const p = globalForPool.textPool;
  globalForPool.textPool = undefined;
  await p?.destroy();
}

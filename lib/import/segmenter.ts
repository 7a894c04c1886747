import { AppError } from "@/lib/errors";
import { segmentText, type TextSegment } from "@/lib/statements/segment-text";
import { runSegmentation } from "@/lib/workers/pool";

/**
 * Splits a batch of article bodies into statements. Injectable (tests, other pools); the default
 * hands the bodies to the worker threads of lib/workers/pool.ts, so an import's segmentation runs
 * beside its database writes and never holds the event loop other requests need.
 */
export type Segmenter = (bodies: string[]) => Promise<TextSegment[][]>;

/** Bodies in flight at once per batch: well inside the pool's queue limit, even with two batches. */
const CHUNK = 8;

export const segmentOnWorkers: Segmenter = async (bodies) => {
  const out: TextSegment[][] = [];
  for (let i = 0; i < bodies.length; i += CHUNK) {
    const chunk = bodies.slice(i, i + CHUNK);
    out.push(
      ...(await Promise.all(
        // A pool too busy for one more task (503 for a request) must not fail an import: do it here.
        chunk.map((body) =>
          runSegmentation(body).catch((error: unknown) => {
            if (error instanceof AppError && error.code === "unavailable") return segmentText(body);
            throw error;
          }),
        ),
      )),
    );
  }
  return out;
};

export const segmentInProcess: Segmenter = async (bodies) => bodies.map((body) => segmentText(body));

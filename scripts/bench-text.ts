/**
 * `npm run bench:text`: segmentation and suggestions on 1 MB of text (the largest article body),
 * as many paragraphs and as one paragraph without a line break, first in this thread, then on the
 * worker pool while a 5 ms timer measures how long this thread's event loop was stalled. A
 * benchmark, not a test: wall times swing with the machine's load.
 */
import { segmentText } from "@/lib/statements/segment-text";
import { suggestAttributions } from "@/lib/suggestions/engine";
import { closeTextPool, runSegmentation, runSuggestions } from "@/lib/workers/pool";
import { largeArticleBody } from "../tests/integration/fixtures/large-article";

const MB = 1_000_000;
const paragraphs = largeArticleBody(200_000, "bench").slice(0, MB);
const texts = { paragraphs, "one paragraph": paragraphs.replace(/\n+/g, " ") };

async function stalled<T>(work: () => Promise<T>): Promise<{ ms: number; stallMs: number; result: T }> {
  let last = performance.now();
  let stallMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 5);
  const t0 = performance.now();
  const result = await work();
  const ms = performance.now() - t0;
  clearInterval(timer);
  return { ms, stallMs: Math.max(stallMs, performance.now() - last), result };
}

const f = (ms: number) => `${ms.toFixed(0).padStart(6)} ms`;
await runSuggestions("Warm-up. The pool's threads load the engine once, he said.");
console.log("text (1 MB)            task          this thread   worker (wall)  worker (longest event-loop stall)");
for (const [name, text] of Object.entries(texts)) {
  for (let run = 1; run <= 2; run++) {
    const inlineSeg = await stalled(async () => segmentText(text));
    const pooledSeg = await stalled(() => runSegmentation(text));
    const statements = pooledSeg.result;
    const inlineSug = await stalled(async () => suggestAttributions(text, { statements }));
    const pooledSug = await stalled(() => runSuggestions(text, { statements }));
    const label = `${name} #${run}`.padEnd(22);
    console.log(
      `${label} segmentation ${f(inlineSeg.ms)}   ${f(pooledSeg.ms)}      ${f(pooledSeg.stallMs)}   (${statements.length} statements)`,
    );
    console.log(
      `${label} suggestions  ${f(inlineSug.ms)}   ${f(pooledSug.ms)}      ${f(pooledSug.stallMs)}   (${pooledSug.result.length} suggestions)`,
    );
  }
}
await closeTextPool();

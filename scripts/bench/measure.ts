// Timing and memory helpers for the benchmark.

export interface Timing {
  p50: number;
  p95: number;
  runs: number;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Runs `work` `warmup` times unmeasured, then `runs` times, and gives p50/p95 in milliseconds. */
export function time(work: () => Promise<unknown>, runs: number, warmup = 2): Promise<Timing> {
  return timeMeasured(
    async () => {
      const t = performance.now();
      await work();
      return performance.now() - t;
    },
    runs,
    warmup,
  );
}

/** As `time`, for work that times itself: it resolves to the milliseconds that count. */
export async function timeMeasured(work: () => Promise<number>, runs: number, warmup = 2): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await work();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) ms.push(await work());
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p95: percentile(ms, 95), runs };
}

/**
 * `a` and `b` alternated run by run (after `warmup` of each), so that a machine whose speed drifts
 * (another process, a checkpoint, the CPU's clock) weighs on both alike: for ratios of the two.
 */
export async function timeAlternating(
  a: () => Promise<unknown>,
  b: () => Promise<unknown>,
  { runs, warmup = 2 }: { runs: number; warmup?: number },
): Promise<[Timing, Timing]> {
  for (let i = 0; i < warmup; i++) {
    await a();
    await b();
  }
  const ms: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i++) {
    for (const [side, work] of [a, b].entries()) {
      const t = performance.now();
      await work();
      ms[side].push(performance.now() - t);
    }
  }
  return ms.map((m) => {
    m.sort((x, y) => x - y);
    return { p50: percentile(m, 50), p95: percentile(m, 95), runs };
  }) as [Timing, Timing];
}

/**
 * Peak RSS and heap growth of this process (which runs the route handler, so it is the server)
 * while `work` runs, sampled every 10 ms, over a baseline taken after a garbage collection.
 */
export async function peakMemory<T>(
  work: () => Promise<T>,
): Promise<{ result: T; rssMb: number; heapMb: number; baselineRssMb: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const base = process.memoryUsage();
  let rss = base.rss;
  let heap = base.heapUsed;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  const timer = setInterval(sample, 10);
  try {
    const result = await work();
    sample();
    return {
      result,
      rssMb: (rss - base.rss) / 2 ** 20,
      heapMb: (heap - base.heapUsed) / 2 ** 20,
      baselineRssMb: base.rss / 2 ** 20,
    };
  } finally {
    clearInterval(timer);
  }
}

export const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);

/**
 * `npx tsx scripts/bench-suggestions.ts`: times the attribution engine on 100 articles of about 1,000
 * words, built from the gold fixtures' texts in rotating order. Reports wall and CPU time per run: on a
 * shared machine wall time swings with load, CPU time of this process much less. A benchmark, not a test.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { suggestAttributions } from "../lib/suggestions/suggest-attributions";

const dir = path.resolve(import.meta.dirname, "../fixtures");
const texts = readdirSync(dir)
  .filter((d) => !d.startsWith("."))
  .map((d) => readFileSync(path.join(dir, d, "article.txt"), "utf8"));
const articles: string[] = [];
for (let a = 0; a < 100; a++) {
  let body = "";
  for (let k = 0; body.split(/\s+/).length < 1000; k++) body += `${texts[(a + k * 7) % texts.length]}\n\n`;
  articles.push(body);
}
const words = articles.reduce((n, t) => n + t.split(/\s+/).length, 0);
suggestAttributions(articles[0]); // warm-up
for (let r = 1; r <= 5; r++) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let n = 0;
  for (const t of articles) n += suggestAttributions(t).length;
  const c = process.cpuUsage(c0);
  console.log(
    `run ${r}: ${articles.length} articles, ${words} words, ${n} suggestions: wall ${(performance.now() - t0).toFixed(0)} ms, cpu ${((c.user + c.system) / 1000).toFixed(0)} ms`,
  );
}

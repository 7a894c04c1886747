/**
 * `npm run bench:suggestions`: times the attribution engine, NLP layer included, on
 *   1. 100 articles of about 1,000 words built from the fixtures' texts in rotating order (target < 2 s);
 *   2. a 1 MB text of real-looking news (the fixtures repeated; target < 3 s);
 *   3. "He said it was fine.\n\n" × 32,000 (700 kB), the text that took 20 s before the rewrite.
 * Reports wall and CPU time: on a shared machine wall time swings with load, CPU time much less. The
 * tagger's one-off model load is timed apart. A benchmark, not a test.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { suggestAttributions } from "../lib/suggestions/engine";

const root = path.resolve(import.meta.dirname, "../fixtures");
function articleTexts(dir: string): string[] {
  return readdirSync(dir).flatMap((d) => {
    const p = path.join(dir, d);
    if (!statSync(p).isDirectory()) return [];
    const file = path.join(p, "article.txt");
    try {
      return [readFileSync(file, "utf8")];
    } catch {
      return articleTexts(p);
    }
  });
}
const texts = articleTexts(root);
const words = (t: string) => t.split(/\s+/).filter(Boolean).length;

function time(label: string, run: () => number): void {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const n = run();
  const c = process.cpuUsage(c0);
  console.log(
    `${label}: ${n} suggestions, wall ${(performance.now() - t0).toFixed(0)} ms, cpu ${((c.user + c.system) / 1000).toFixed(0)} ms`,
  );
}

const t0 = performance.now();
suggestAttributions("The minister said the plan was dead."); // loads the tagger's model
console.log(`model load and first call: ${(performance.now() - t0).toFixed(0)} ms`);

const articles: string[] = [];
for (let a = 0; a < 100; a++) {
  let body = "";
  for (let k = 0; words(body) < 1000; k++) body += `${texts[(a + k * 7) % texts.length]}\n\n`;
  articles.push(body);
}
const total = articles.reduce((n, t) => n + words(t), 0);
for (let r = 1; r <= 3; r++)
  time(`100 articles (${total} words), run ${r}`, () =>
    articles.reduce((n, t) => n + suggestAttributions(t).length, 0),
  );

let mb = "";
for (let k = 0; mb.length < 1_000_000; k++) mb += `${texts[k % texts.length]}\n\n`;
time(`1 MB of news (${mb.length} chars)`, () => suggestAttributions(mb).length);
const fine = "He said it was fine.\n\n".repeat(32_000);
time(`"He said it was fine." x 32,000 (${fine.length} chars)`, () => suggestAttributions(fine).length);

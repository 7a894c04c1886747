/**
 * `tsx scripts/eval.ts <gold.json> [<gold.json> …]`: runs the attribution engine on each gold article
 * (text from `text` in the gold file, else `article.txt` beside it) and prints precision, recall and F1
 * per metric, per file and overall, then `N passed, N failed` over gold claims matched whole. A report,
 * not a test: exits 0 whatever the scores. `--gold-statements` feeds the gold sentence split to the
 * engine instead of its own splitter; `--quiet` hides the per-claim misses.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  type Evaluation,
  evaluateSuggestions,
  METRICS,
  type Score,
  sumScores,
} from "../lib/suggestions/evaluate-suggestions";
import { suggestAttributions } from "../lib/suggestions/suggest-attributions";

const args = process.argv.slice(2);
const useGoldStatements = args.includes("--gold-statements");
const quiet = args.includes("--quiet");
const files = args.filter((a) => !a.startsWith("--"));
if (files.length === 0) {
  console.error("usage: tsx scripts/eval.ts <gold.json> [<gold.json> …]");
  process.exit(0);
}

const LABELS: Record<string, string> = {
  cue: "cue span (overlap)",
  mention: "source mention (overlap)",
  contentExact: "content (exact)",
  contentOverlap: "content (overlap>=50%)",
  type: "source type",
  mode: "mode",
  count: "count",
  whole: "whole attribution",
};
const f = (n: number) => n.toFixed(3);
function printTable(title: string, scores: Record<string, Score>): void {
  console.log(`\n${title}`);
  console.log(`  ${"metric".padEnd(26)} ${"P".padStart(6)} ${"R".padStart(6)} ${"F1".padStart(6)}   tp/gold/pred`);
  for (const m of METRICS) {
    const s = scores[m];
    console.log(
      `  ${LABELS[m].padEnd(26)} ${f(s.precision).padStart(6)} ${f(s.recall).padStart(6)} ${f(s.f1).padStart(6)}   ${s.tp}/${s.gold}/${s.pred}`,
    );
  }
}

const evaluations: Evaluation[] = [];
let passed = 0;
let failed = 0;
for (const file of files) {
  const gold = JSON.parse(readFileSync(file, "utf8"));
  const beside = path.join(path.dirname(file), "article.txt");
  const text: string =
    typeof gold.text === "string" ? gold.text : existsSync(beside) ? readFileSync(beside, "utf8") : "";
  const statements = useGoldStatements
    ? [
        ...(gold.headings ?? []).map((h: { start: number; end: number }) => ({ ...h, kind: "heading" as const })),
        ...(gold.sentences ?? []).map((s: { start: number; end: number }) => ({ ...s, kind: "sentence" as const })),
      ].sort((a, b) => a.start - b.start)
    : undefined;
  const suggestions = suggestAttributions(text, { statements });
  const ev = evaluateSuggestions(gold, suggestions);
  evaluations.push(ev);
  printTable(`== ${file}: ${gold.claims.length} gold claims, ${suggestions.length} suggestions`, ev.scores);
  for (const c of ev.claims) {
    if (c.passed) passed++;
    else failed++;
    if (!c.passed && !quiet) console.log(`  miss ${c.id}: ${c.why}`);
  }
  const used = new Set(ev.claims.map((c) => c.suggestion));
  if (!quiet)
    suggestions.forEach((s, i) => {
      if (!used.has(i))
        console.log(
          `  extra: "${text.slice(s.content.start, Math.min(s.content.end, s.content.start + 60))}…" (${s.mode})`,
        );
    });
}
printTable(`== overall (${files.length} files, micro-averaged)`, sumScores(evaluations));
console.log(`\n${passed} passed, ${failed} failed`);

/**
 * `tsx scripts/eval.ts <gold.json | folder> …`: runs the attribution engine on each gold article (text
 * from `text` in the gold file, else `article.txt` beside it; a folder means every gold.json under it)
 * and prints precision, recall and F1 per field, recall per kind of attribution, per file and overall,
 * then `N passed, N failed` over gold claims matched whole. A report, not a test: exits 0 whatever the
 * scores. `--gold-statements` feeds the gold sentence split to the engine instead of its own splitter;
 * `--quiet` prints only the overall tables; `--misses` lists every missed and extra claim with its text.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { suggestAttributions } from "../lib/suggestions/engine";
import {
  type Evaluation,
  evaluateSuggestions,
  KINDS,
  type KindRecall,
  METRICS,
  type Score,
  sumKinds,
  sumScores,
} from "../lib/suggestions/engine/evaluate/evaluate-suggestions";
import type { Span, Suggestion } from "../lib/suggestions/engine/types";

const args = process.argv.slice(2);
const useGoldStatements = args.includes("--gold-statements");
const quiet = args.includes("--quiet");
const misses = args.includes("--misses");
function expand(p: string): string[] {
  if (!statSync(p).isDirectory()) return [p];
  if (existsSync(path.join(p, "gold.json"))) return [path.join(p, "gold.json")];
  return readdirSync(p)
    .sort()
    .flatMap((d) => (statSync(path.join(p, d)).isDirectory() ? expand(path.join(p, d)) : []));
}
const files = args.filter((a) => !a.startsWith("--")).flatMap(expand);
if (files.length === 0) {
  console.error("usage: tsx scripts/eval.ts <gold.json | folder> [...] [--quiet] [--misses] [--gold-statements]");
  process.exit(0);
}

const LABELS: Record<string, string> = {
  cue: "cue (covers half of gold)",
  cueExact: "cue (exact)",
  mention: "mention (overlap both ways)",
  mentionExact: "mention (exact)",
  contentExact: "content (exact, normalised)",
  contentOverlap: "content (overlap both ways)",
  type: "source type",
  mode: "mode",
  count: "count",
  whole: "whole attribution",
};
const f = (n: number) => n.toFixed(3);
function printTable(title: string, scores: Record<string, Score>, kinds?: Record<string, KindRecall>): void {
  console.log(`\n${title}`);
  console.log(`  ${"field".padEnd(30)} ${"P".padStart(6)} ${"R".padStart(6)} ${"F1".padStart(6)}   tp/gold/pred`);
  for (const m of METRICS) {
    const s = scores[m];
    console.log(
      `  ${LABELS[m].padEnd(30)} ${f(s.precision).padStart(6)} ${f(s.recall).padStart(6)} ${f(s.f1).padStart(6)}   ${s.tp}/${s.gold}/${s.pred}`,
    );
  }
  if (!kinds) return;
  console.log(`  ${"recall by kind".padEnd(30)} ${"whole".padStart(6)} ${"cue".padStart(6)}   gold`);
  for (const k of KINDS) {
    const r = kinds[k];
    if (!r.gold) continue;
    console.log(
      `  ${k.padEnd(30)} ${f(r.whole / r.gold).padStart(6)} ${f(r.cue / r.gold).padStart(6)}   ${String(r.gold).padStart(4)}`,
    );
  }
}

const show = (text: string, s: Span | null) => (s ? JSON.stringify(text.slice(s.start, s.end)) : "∅");
const showSuggestion = (text: string, s: Suggestion) =>
  `[${show(text, s.mention)}] <${show(text, s.cue)}> ${show(text, s.content).slice(0, 90)}`;

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
        ...(gold.headings ?? []).map((h: Span) => ({ ...h, kind: "heading" as const })),
        ...(gold.sentences ?? []).map((s: Span) => ({ ...s, kind: "sentence" as const })),
      ].sort((a, b) => a.start - b.start)
    : undefined;
  const suggestions = suggestAttributions(text, { statements, language: gold.lang ?? "en" });
  const ev = evaluateSuggestions(gold, suggestions, text);
  evaluations.push(ev);
  for (const c of ev.claims) c.passed ? passed++ : failed++;
  if (quiet) continue;
  printTable(`== ${file}: ${gold.claims.length} gold claims, ${suggestions.length} suggestions`, ev.scores, ev.kinds);
  if (!misses) continue;
  for (const c of ev.claims) {
    if (c.passed) continue;
    const g = gold.claims.find((x: { id: string }) => x.id === c.id);
    console.log(
      `  miss ${c.id} ${c.kind ?? ""}: ${c.why}\n     gold [${show(text, g.sourceMention)}] <${show(text, g.cue)}> ${show(text, g.content).slice(0, 90)}` +
        (c.suggestion !== null ? `\n     pred ${showSuggestion(text, suggestions[c.suggestion])}` : ""),
    );
  }
  for (const i of ev.extra) console.log(`  extra: ${showSuggestion(text, suggestions[i])}`);
}
printTable(`== overall (${files.length} files, micro-averaged)`, sumScores(evaluations), sumKinds(evaluations));
console.log(`\n${passed} passed, ${failed} failed`);

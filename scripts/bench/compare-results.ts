// npx tsx scripts/bench/compare-results.ts [1000 10000 100000]: the Markdown table of several
// bench results side by side (.data/bench-results/articles-<n>.json), p50 / p95 per size, the raw
// SQL p50 and API/SQL at the largest size, and each figure's growth between the last two sizes.
import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "../database.mjs";
import { fmt } from "./measure";

interface Result {
  articles: number;
  load?: { before: number; after: number };
  rows: { name: string; api: { p50: number; p95: number }; sql?: { p50: number }; note?: string }[];
}
const sizes = (process.argv.slice(2).length ? process.argv.slice(2) : ["1000", "10000", "100000"]).map(Number);
const results: Result[] = sizes.map((n) =>
  JSON.parse(readFileSync(path.join(ROOT, ".data", "bench-results", `articles-${n}.json`), "utf8")),
);
const label = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));
const last = results[results.length - 1];
const prev = results[results.length - 2];
const header = [
  "measure",
  ...results.flatMap((r) => [`${label(r.articles)} p50`, `${label(r.articles)} p95`]),
  `${label(last.articles)} raw SQL p50`,
  `API/SQL (${label(last.articles)})`,
  `growth ${label(prev.articles)}→${label(last.articles)} (p50)`,
  `notes (${label(last.articles)})`,
];
console.log(`| ${header.join(" | ")} |`);
console.log(`|${header.map(() => "---").join("|")}|`);
for (const row of last.rows) {
  const cells = results.flatMap((r) => {
    const x = r.rows.find((y) => y.name.replace(/\(\d+ claims/, "(") === row.name.replace(/\(\d+ claims/, "("));
    return x ? [fmt(x.api.p50), fmt(x.api.p95)] : ["", ""];
  });
  const before = prev.rows.find((y) => y.name.replace(/\(\d+ claims/, "(") === row.name.replace(/\(\d+ claims/, "("));
  console.log(
    `| ${[
      row.name,
      ...cells,
      row.sql ? fmt(row.sql.p50) : "",
      row.sql ? (row.api.p50 / row.sql.p50).toFixed(2) : "",
      before ? `×${(row.api.p50 / before.api.p50).toFixed(1)}` : "",
      row.note ?? "",
    ].join(" | ")} |`,
  );
}
console.log(
  `\nLoad average (1 min) before/after each run: ${results.map((r) => `${label(r.articles)} ${r.load ? `${r.load.before.toFixed(1)}/${r.load.after.toFixed(1)}` : "not recorded"}`).join(", ")}.`,
);

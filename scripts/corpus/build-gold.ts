/**
 * `npx tsx scripts/corpus/build-gold.ts [--src DIR] [--out DIR] [--check] [--stats]`
 *
 * Builds `<out>/<slug>/article.txt` + `gold.json` from every `<src>/<slug>.txt` markup source
 * (defaults: fixtures/corpus/dev-src → fixtures/corpus/dev). Exits 1 and writes nothing when any source
 * fails validation. `--check` writes nothing and exits 1 if a built file differs from what is on disk
 * (or an output has no source); `--stats` prints counts per kind, mode and style.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildCorpus } from "./build-corpus";
import { type CorpusGold, KINDS } from "./to-gold";

const args = process.argv.slice(2);
const USAGE =
  "usage: npx tsx scripts/corpus/build-gold.ts [--src DIR] [--out DIR] [--check] [--stats]\n" +
  "  without --src/--out it rebuilds the repository's dev corpus (fixtures/corpus/dev-src -> dev)";
// An unknown flag or a bare folder would otherwise fall through to the defaults and rewrite the dev
// corpus: a blind set's writer who typed `--source DIR` would have overwritten fixtures/corpus/dev.
const flags = new Set(["--src", "--out", "--check", "--stats"]);
const isValue = (i: number) => args[i - 1] === "--src" || args[i - 1] === "--out";
const unknown = args.find((a, i) => !flags.has(a) && !isValue(i) && a !== "--help");
if (unknown) console.error(`unexpected argument ${unknown}`);
if (unknown || args.includes("--help")) {
  console.log(USAGE);
  process.exit(unknown ? 2 : 0);
}
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const root = path.resolve(import.meta.dirname, "../..");
const srcDir = path.resolve(opt("--src", path.join(root, "fixtures/corpus/dev-src")));
const outDir = path.resolve(opt("--out", path.join(root, "fixtures/corpus/dev")));
const check = args.includes("--check");

const built = buildCorpus(srcDir);
if (built.errors.length) {
  for (const e of built.errors) console.error(e);
  console.error(`${built.errors.length} error(s); nothing written`);
  process.exit(1);
}

let stale = 0;
const slugs = new Set(built.articles.map((a) => a.slug));
for (const a of built.articles) {
  const dir = path.join(outDir, a.slug);
  const files = { "article.txt": a.articleTxt, "gold.json": a.goldJson };
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    const same = existsSync(file) && readFileSync(file, "utf8") === content;
    if (check) {
      if (!same) {
        console.error(`out of date: ${file}`);
        stale++;
      }
    } else if (!same) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(file, content);
    }
  }
}
if (existsSync(outDir))
  for (const d of readdirSync(outDir))
    if (!slugs.has(d) && existsSync(path.join(outDir, d, "gold.json"))) {
      if (check) {
        console.error(`no source for ${path.join(outDir, d)}`);
        stale++;
      } else rmSync(path.join(outDir, d), { recursive: true });
    }

if (args.includes("--stats")) printStats(built.articles.map((a) => a.gold));
console.log(
  `${built.articles.length} articles, ${built.articles.reduce((n, a) => n + a.gold.claims.length, 0)} claims`,
);
if (check && stale) process.exit(1);

function printStats(golds: CorpusGold[]): void {
  const kinds = Object.values(KINDS);
  const pct = (n: number, of: number) => `${((100 * n) / Math.max(1, of)).toFixed(1)}%`;
  const row = (label: string, gs: CorpusGold[]) => {
    const claims = gs.flatMap((g) => g.claims);
    const cells = kinds.map((k) => String(claims.filter((c) => c.kind === k).length).padStart(9));
    const none = gs.reduce((n, g) => n + g.noContent.length, 0);
    return `${label.padEnd(44)} ${String(gs.length).padStart(4)} ${String(claims.length).padStart(6)}${cells.join("")} ${String(none).padStart(6)}`;
  };
  const head = ["quoted", "reported", "evidence", "stance", "punct"].map((k) => k.padStart(9)).join("");
  console.log(`${"".padEnd(44)} ${"arts".padStart(4)} ${"claims".padStart(6)}${head} ${"nocont".padStart(6)}`);
  for (const g of golds) console.log(row(g.slug, [g]));
  const styles = [...new Set(golds.map((g) => g.style ?? "?"))].sort();
  for (const s of styles)
    console.log(
      row(
        `style: ${s}`,
        golds.filter((g) => (g.style ?? "?") === s),
      ),
    );
  console.log(row("TOTAL", golds));
  const all = golds.flatMap((g) => g.claims);
  console.log(
    `kinds: ${kinds.map((k) => `${k} ${pct(all.filter((c) => c.kind === k).length, all.length)}`).join(", ")}`,
  );
  const modes = ["direct_quote", "partial_quote", "paraphrase"] as const;
  console.log(`modes: ${modes.map((m) => `${m} ${all.filter((c) => c.mode === m).length}`).join(", ")}`);
  const types = [...new Set(golds.flatMap((g) => g.sources.map((s) => s.type)))].sort();
  const typeOf = (g: CorpusGold, id: string) => g.sources.find((s) => s.id === id)?.type;
  console.log(
    `source types of claims: ${types.map((t) => `${t} ${golds.reduce((n, g) => n + g.claims.filter((c) => typeOf(g, c.source) === t).length, 0)}`).join(", ")}`,
  );
  const count = (f: (c: CorpusGold["claims"][number]) => boolean) => all.filter(f).length;
  console.log(
    `split/parts ${count((c) => !!c.parts)}, continuations ${count((c) => c.cue === null)}, via ${count((c) => !!c.via)}, anaphor ${count((c) => !!c.anaphor)}, nested ${golds.reduce((n, g) => n + g.claims.filter((c) => g.claims.some((o) => o !== c && o.content.start <= (c.cue ?? c.content).start && (c.cue ?? c.content).end <= o.content.end)).length, 0)}`,
  );
}

// Synthetic NDJSON articles of ~700 words for measuring the import (npm run bench, group "import")
// and for trying it by hand: `tsx scripts/bench/sample-articles.ts 1000 > /tmp/articles.jsonl`.
import { between, clause, makeRng, pick, TextBuilder } from "./synthetic-text";

const NAMES = [
  "Maria Lopez",
  "Ahmed Haddad",
  "the Ministry of Health",
  "a senior official",
  "two diplomats",
  "Reuters",
];

export function* sampleArticles(count: number, seed = 15, words = 700) {
  const rng = makeRng(seed);
  for (let i = 0; i < count; i++) {
    const text = new TextBuilder();
    const title = `${pick(rng, ["Talks", "Officials", "Report", "Inquiry", "Budget", "Aid"])}: ${clause(rng)}`.slice(
      0,
      200,
    );
    text.heading(title);
    let n = 0;
    while (text.body.split(/\s+/).length < words) {
      if (n++ && n % between(rng, 3, 5) === 0) text.paragraphBreak();
      if (rng() < 0.45) text.unsourced(rng);
      else text.attributed(rng, { index: 0, name: pick(rng, NAMES) }, null, null);
    }
    yield {
      externalId: `sample-${seed}-${i}`,
      title,
      body: text.body.trimEnd(),
      language: "en",
      outlet: "Sample Wire",
      url: `https://news.example/${seed}/${i}`,
      publishedAt: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString(),
    };
  }
}

if (process.argv[1]?.endsWith("sample-articles.ts")) {
  const count = Number(process.argv[2] ?? 1000);
  for (const a of sampleArticles(count)) process.stdout.write(`${JSON.stringify(a)}\n`);
}

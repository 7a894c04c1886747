/** Builds every markup source of one folder in memory: the CLI writes the result, the unit test compares it. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { buildGold, type CorpusGold } from "./to-gold";

export interface BuiltArticle {
  slug: string;
  gold: CorpusGold;
  articleTxt: string;
  goldJson: string;
}

export function buildCorpus(srcDir: string): { articles: BuiltArticle[]; errors: string[] } {
  const errors: string[] = [];
  const articles: BuiltArticle[] = [];
  const files = readdirSync(srcDir)
    .filter((f) => f.endsWith(".txt"))
    .sort();
  for (const f of files) {
    const slug = f.replace(/\.txt$/, "");
    const built = buildGold(readFileSync(path.join(srcDir, f), "utf8"), slug);
    errors.push(...built.errors.map((e) => `${f}: ${e}`));
    articles.push({
      slug,
      gold: built.gold,
      articleTxt: `${built.text}\n`,
      goldJson: `${JSON.stringify(built.gold, null, 2)}\n`,
    });
  }
  return { articles, errors };
}

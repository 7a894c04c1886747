/** `tsx scripts/suggest.ts <file.txt> [--language xx]`: prints the engine's suggestions for a text file as JSON. */
import { readFileSync } from "node:fs";
import { languageSupport, suggestAttributions } from "../lib/suggestions/engine";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--"));
const li = args.indexOf("--language");
const language = li >= 0 ? args[li + 1] : undefined;
if (!file) {
  console.error("usage: tsx scripts/suggest.ts <file.txt> [--language xx]");
  process.exit(2);
}
const text = readFileSync(file, "utf8");
console.log(
  JSON.stringify(
    { language: languageSupport(language), suggestions: suggestAttributions(text, { language }) },
    null,
    2,
  ),
);

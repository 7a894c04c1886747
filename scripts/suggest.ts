/** `tsx scripts/suggest.ts <file.txt>`: prints the engine's suggestions for a text file as JSON. */
import { readFileSync } from "node:fs";
import { suggestAttributions } from "../lib/suggestions/suggest-attributions";

const file = process.argv[2];
if (!file) {
  console.error("usage: tsx scripts/suggest.ts <file.txt>");
  process.exit(2);
}
const text = readFileSync(file, "utf8");
console.log(JSON.stringify({ suggestions: suggestAttributions(text) }, null, 2));

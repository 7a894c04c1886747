/** Outlet names in running text: "(the) (newspaper) Name", a quoted name, or a known outlet. */
import { KNOWN_OUTLET_SET, OUTLET_NOUNS } from "../languages/en/source-lexicon";
import type { Token } from "../nlp/token";
import type { Span } from "../types";

export const OUTLET_NAME_WORDS = new Set([
  "times",
  "post",
  "journal",
  "courier",
  "herald",
  "tribune",
  "gazette",
  "news",
  "daily",
  "telegraph",
  "observer",
  "express",
  "chronicle",
  "monitor",
  "review",
  "standard",
  "mail",
  "sun",
  "star",
  "record",
  "press",
  "radio",
  "tv",
  "echo",
  "inquirer",
  "examiner",
  "sentinel",
  "dispatch",
  "bulletin",
  "advertiser",
  "mercury",
  "globe",
  "magazine",
  "gazette",
  "wire",
  "today",
  "online",
  "weekly",
  "argus",
  "leader",
  "citizen",
  "recorder",
]);

/** Reads "(the) (newspaper) Name" or a quoted name from token `k`; null if it is not an outlet. */
export function readOutlet(
  text: string,
  tokens: Token[],
  k: number,
  to: number,
  requireOutlet: boolean,
): { name: string; mention: Span } | null {
  let hasNoun = false;
  if (tokens[k]?.lower === "the") k++;
  while (k < to && OUTLET_NOUNS.has(tokens[k].lower)) {
    hasNoun = true;
    k++;
  }
  if (k < to && /^["“«]$/.test(tokens[k].text)) k++;
  const first = k;
  while (k < to && (tokens[k].isCap || (tokens[k].lower === "of" && tokens[k + 1]?.isCap))) k++;
  if (k === first) return null;
  const mention = { start: tokens[first].start, end: tokens[k - 1].end };
  const name = text.slice(mention.start, mention.end);
  const known = KNOWN_OUTLET_SET.has(name.toLowerCase().replace(/^the\s+/, ""));
  const nameWord = OUTLET_NAME_WORDS.has(tokens[k - 1].lower);
  if (requireOutlet && !hasNoun && !known && !nameWord) return null;
  return { name, mention };
}

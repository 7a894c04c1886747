/**
 * Second-hand chains: "…, as quoted by the newspaper Politico", "according to a report in the daily
 * Nova Dnevnik". The outlet named there is how the claims before it reached the article.
 */
import { KNOWN_OUTLET_SET, OUTLET_NOUNS } from "./source-lexicon";
import type { Token } from "./tokenize-text";
import type { SourceType, Span } from "./types";

export interface ViaMarker {
  /** Where the marker phrase starts (its leading comma if any): content before it is what was relayed. */
  at: number;
  name: string;
  type: SourceType;
  mention: Span | null;
}

const REPORT_NOUNS = new Set(["report", "reports", "article", "interview", "story", "broadcast", "piece", "account"]);
const OUTLET_NAME_WORDS = new Set([
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

export function findViaMarkers(text: string, tokens: Token[], from: number, to: number): ViaMarker[] {
  const out: ViaMarker[] = [];
  for (let i = from; i < to; i++) {
    const l = tokens[i].lower;
    let k = -1;
    let requireOutlet = false;
    if (l === "as" && /^(quoted|reported|cited)$/.test(tokens[i + 1]?.lower ?? "") && tokens[i + 2]?.lower === "by")
      k = i + 3;
    else if (l === "according" && tokens[i + 1]?.lower === "to") {
      let m = i + 2;
      if (/^(a|an|the)$/.test(tokens[m]?.lower ?? "")) m++;
      if (REPORT_NOUNS.has(tokens[m]?.lower ?? "") && /^(in|by|from|on|with)$/.test(tokens[m + 1]?.lower ?? ""))
        k = m + 2;
      else {
        k = i + 2;
        requireOutlet = true;
      }
    }
    if (k < 0) continue;
    const outlet = readOutlet(text, tokens, k, to, requireOutlet);
    if (!outlet) continue;
    const at = i > from && tokens[i - 1].text === "," ? tokens[i - 1].start : tokens[i].start;
    out.push({ at, name: outlet.name, type: "media_outlet", mention: outlet.mention });
  }
  return out;
}

/**
 * The outlet a source spoke to: "told the newspaper Dagblad Zuid that …", "told Reuters …", "said in an
 * interview with the Harbury Echo": the claim reached the article through that outlet.
 */
export function findRecipientVia(
  text: string,
  tokens: Token[],
  cueLast: number,
  recipient: boolean,
  to: number,
): ViaMarker | null {
  let k = -1;
  if (recipient) k = cueLast + 1;
  else if (
    /^(with|to)$/.test(tokens[cueLast + 1]?.lower ?? "") &&
    /^(interview|interviews|remarks|comments|conversation|call)$/.test(tokens[cueLast].lower)
  )
    k = cueLast + 2;
  if (k < 0 || k >= to) return null;
  const outlet = readOutlet(text, tokens, k, to, true);
  return outlet ? { at: tokens[k].start, name: outlet.name, type: "media_outlet", mention: outlet.mention } : null;
}

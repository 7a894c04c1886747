/**
 * The English NLP layer: wink-nlp with its lite English model (both MIT; the model ships inside the npm
 * package, nothing is downloaded). It gives tokens, part-of-speech tags and lemmas; offsets are
 * recovered from each token's preceding whitespace, and resynchronised by search where the tokenizer
 * dropped a character, so every offset points into the original text. Sentence boundaries come from
 * the project's own segmenter, not from here. The model loads once per process (~0.5 s), on first use.
 */
import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";
import type { Pos, Token } from "./token";

type Wink = ReturnType<typeof winkNLP>;
let nlp: Wink | null = null;

function loadTagger(): Wink {
  // sbd is kept because the tagger reads sentence context; negation and sentiment are not needed.
  nlp ??= winkNLP(model, ["sbd", "pos"]);
  return nlp;
}

const WORD_RE = /^[\p{L}\p{N}]/u;
const CAP_RE = /^\p{Lu}/u;
const PARA_RE = /\n[ \t\r]*\n/;

function makeToken(i: number, start: number, text: string, pos: Pos, lemma: string, before: string): Token {
  return {
    i,
    start,
    end: start + text.length,
    text,
    lower: text.toLowerCase().replace(/’/g, "'"),
    lemma: lemma.toLowerCase(),
    pos,
    isWord: WORD_RE.test(text),
    isCap: CAP_RE.test(text),
    spaceBefore: before.length > 0 || start === 0,
    paraBefore: PARA_RE.test(before),
  };
}

const EXTENDED_LATIN_RE = /[\u0100-\u024F\u1E00-\u1EFF]/g;
/**
 * The lite model's tokenizer splits words at letters beyond Latin-1 ("Ilić" → "Ili" + "ć", "Łukasz" →
 * "Ł" + "ukasz"): such letters are read as their base letter, one UTF-16 unit for one, so offsets hold.
 */
function foldExtendedLatin(text: string): string {
  return text.replace(EXTENDED_LATIN_RE, (ch) => {
    const base = ch.normalize("NFD")[0];
    return base && base.length === 1 && /[A-Za-z]/.test(base) ? base : ch === "ł" ? "l" : ch === "Ł" ? "L" : ch;
  });
}

/** Tokens of the whole text with tags; whitespace tokens are dropped, `''` and `` `` `` are one token. */
export function tagEnglish(original: string): Token[] {
  if (!original.trim()) return [];
  const text = foldExtendedLatin(original);
  const folded = text !== original;
  const w = loadTagger();
  const doc = w.readDoc(text);
  const its = w.its;
  const values = doc.tokens().out(its.value) as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const lemmas = doc.tokens().out(its.lemma as Parameters<ReturnType<typeof doc.tokens>["out"]>[0]) as string[];
  const tokens: Token[] = [];
  let at = 0;
  let gap = "";
  for (let k = 0; k < values.length; k++) {
    const value = values[k];
    let start = at + spaces[k].length;
    if (!text.startsWith(value, start)) {
      const found = text.indexOf(value, at);
      if (found < 0) continue; // a token the text does not hold verbatim: skip it rather than misplace it
      start = found;
    }
    gap += text.slice(at, start);
    at = start + value.length;
    if (tags[k] === "SPACE" || !value.trim()) {
      gap += value;
      continue;
    }
    const prev = tokens.at(-1);
    // Doubled apostrophes and backticks are quotation marks in some house styles: ''like this''.
    if (prev && gap === "" && (value === "'" || value === "`") && prev.text === value) {
      prev.text += value;
      prev.end += 1;
      prev.lower = prev.text;
      continue;
    }
    const shown = folded ? original.slice(start, start + value.length) : value;
    tokens.push(makeToken(tokens.length, start, shown, tags[k] as Pos, lemmas[k] ?? value, gap));
    gap = "";
  }
  return tokens;
}

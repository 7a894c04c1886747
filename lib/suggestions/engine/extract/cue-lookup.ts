/**
 * Which lexicon entries a token is a cue for: the verb with the particle words it takes ("call for",
 * "point out", "make (it) clear"), irregular and noun forms, and a stem the tagger left inflected.
 */
import type { Analysis } from "../analysis";
import { type CueEntry, IRREGULAR_FORMS } from "../languages/en/cue-lexicon";
import type { Token } from "../nlp/token";

/** Lexicon entries for the verb at `i`, with the particle words it takes: "call for", "point out", "make (it) clear". */
export function lookupVerb(
  a: Analysis,
  i: number,
  to: number,
): { entries: CueEntry[]; lemma: string; last: number } | null {
  const { tokens } = a;
  const t = tokens[i];
  const cues = a.lang.cues;
  const lemma = IRREGULAR_FORMS[t.lower] ?? (t.lemma || t.lower);
  const next = i + 1 < to ? tokens[i + 1] : undefined;
  if (next && i + 2 < to) {
    const three = cues.get(`${lemma} ${next.lower} ${tokens[i + 2].lower}`);
    if (three) return { entries: three, lemma: `${lemma} ${next.lower} ${tokens[i + 2].lower}`, last: i + 2 };
  }
  if (next) {
    const two = cues.get(`${lemma} ${next.lower}`);
    if (two) return { entries: two, lemma: `${lemma} ${next.lower}`, last: i + 1 };
    // "lobbied hard against", "argued internally for": a manner adverb before the particle.
    const after = i + 2 < to ? tokens[i + 2] : undefined;
    const manner = next.pos === "ADV" || next.lower === "hard";
    const split = after && manner && cues.get(`${lemma} ${after.lower}`);
    // (Not a duration: "has pushed unsuccessfully for three years".)
    const duration = tokens[i + 3]?.pos === "NUM" || a.lang.grammar.timeWords.has(tokens[i + 3]?.lower ?? "");
    if (split && after.pos === "ADP" && !duration)
      return { entries: split, lemma: `${lemma} ${after.lower}`, last: i + 2 };
    if (next.lower === "it" && i + 2 < to) {
      const three = cues.get(`${lemma} ${tokens[i + 2].lower}`);
      if (three && tokens[i + 2].lower === "clear") return { entries: three, lemma: `${lemma} clear`, last: i + 2 };
    }
  }
  const one =
    cues.get(lemma) ?? cues.get(t.lower) ?? cues.get(IRREGULAR_FORMS[t.lower] ?? "") ?? stemLookup(cues, t.lower);
  if (!one) return null;
  // Lemmas that only work with a particle ("point out", "go on") are stored with it.
  const plain = one.filter((e) => !e.lemma.includes(" "));
  return plain.length ? { entries: plain, lemma, last: i } : null;
}

/** "warning" tagged as a noun: the lexicon entry of its verb stem (warn, argue, plan). */
function stemLookup(cues: Map<string, CueEntry[]>, lower: string): CueEntry[] | undefined {
  const m = /^(.+?)(ing|ed|s)$/.exec(lower);
  if (!m) return undefined;
  const stem = m[1];
  return (
    cues.get(stem) ??
    cues.get(`${stem}e`) ??
    (/(.)\1$/.test(stem) ? cues.get(stem.slice(0, -1)) : undefined) ??
    (stem.endsWith("i") ? cues.get(`${stem.slice(0, -1)}y`) : undefined)
  );
}

/** A word that is a cue verb in a finite or participle form ("and believes", ", warning"). */
export function isCueVerbForm(cues: Map<string, CueEntry[]>, t: Token): boolean {
  if (!t.isWord || t.isCap) return false;
  const entries = cues.get(t.lemma) ?? stemLookup(cues, t.lower);
  // (A participle the tagger read as a noun keeps its -ing lemma: ", ruling that …".)
  return !!entries && (t.pos === "VERB" || /ing$/.test(t.lower)) && (t.lower !== t.lemma || /ing$/.test(t.lower));
}

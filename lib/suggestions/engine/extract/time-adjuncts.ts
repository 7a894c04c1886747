/**
 * Time adjuncts ("on Tuesday", "last week", "within hours") and the inserts between a cue and its
 * complement ("said, however, that"): content starts after them, and an object's content ends before them.
 */
import type { Analysis, Sentence } from "../analysis";

/** Skips time adjuncts and commas between a verb and its complement: "said on Tuesday that", "said, however,". */
export function skipAdjuncts(a: Analysis, k: number, to: number): number {
  const { tokens } = a;
  const g = a.lang.grammar;
  for (let guard = 0; guard < 8 && k < to; guard++) {
    const t = tokens[k];
    const n = tokens[k + 1];
    if (t.text === ",") {
      // "reported last week, citing people familiar with the matter, that …": a citing insert.
      if (n && (n.lower === "citing" || n.lower === "quoting")) {
        let m = k + 2;
        while (m < to && tokens[m].text !== "," && m - k < 14) m++;
        if (tokens[m]?.text === "," && tokens[m + 1]?.lower === "that") return m + 1;
      }
      // Only a comma that opens an insert: "said, however, that", "said, on Tuesday, that".
      if (
        !n ||
        k + 1 >= to ||
        !(
          n.lower === "that" ||
          g.timeWords.has(n.lower) ||
          /^(however|also|too|again|instead|on|in|at|last|this)$/.test(n.lower)
        )
      )
        return k;
      k++;
    } else if (g.timeWords.has(t.lower) || g.months.has(t.lower)) {
      k++;
      while (k < to && (tokens[k].pos === "NUM" || g.timeWords.has(tokens[k].lower))) k++;
    } else if (
      /^(on|in|at|during|late|early|last)$/.test(t.lower) &&
      k + 1 < to &&
      (g.timeWords.has(tokens[k + 1].lower) || g.months.has(tokens[k + 1].lower) || /^\d/.test(tokens[k + 1].text))
    ) {
      k += 2;
      while (k < to && (tokens[k].pos === "NUM" || g.timeWords.has(tokens[k].lower) || tokens[k].text === ",")) {
        if (tokens[k].text === "," && !(tokens[k + 1]?.pos === "NUM")) break;
        k++;
      }
    } else if (/^(however|also|too|again|instead)$/.test(t.lower)) k++;
    else return k;
  }
  return k;
}

/** Past a time adjunct opening a clause at `m` ("on Tuesday", "last week,"); `m` when there is none. */
export function skipTimeOpener(a: Analysis, m: number, s: Sentence): number {
  if (a.tokens[m]?.lower === "within" || a.tokens[m]?.lower === "during" || !isTimeAdjunct(a, m, s)) return m;
  const g = a.lang.grammar;
  let j = m + 1;
  if (g.determiners.has(a.tokens[j]?.lower ?? "")) j++;
  while (j < s.to && j - m <= 4) {
    const t = a.tokens[j];
    if (!(g.timeWords.has(t.lower) || g.months.has(t.lower) || t.pos === "NUM")) break;
    j++;
  }
  return a.tokens[j]?.text === "," ? j + 1 : j;
}

/** "within hours", "on Tuesday", "last week", "in 2022", "during the debate": a time adjunct at `i`. */
export function isTimeAdjunct(a: Analysis, i: number, s: Sentence): boolean {
  const t = a.tokens[i];
  const n = a.tokens[i + 1];
  if (!n || i + 1 >= s.to) return false;
  const g = a.lang.grammar;
  if (t.lower === "within" || t.lower === "during") return true;
  if (/^(last|this|next|earlier|later)$/.test(t.lower))
    return a.tokens[i - 1]?.pos !== "ADP" && (g.timeWords.has(n.lower) || g.months.has(n.lower));
  if (!/^(on|in|at|since|by)$/.test(t.lower)) return false;
  const m = g.determiners.has(n.lower) ? a.tokens[i + 2] : n;
  return !!m && (g.timeWords.has(m.lower) || g.months.has(m.lower) || /^(1[89]|20)\d\d$/.test(m.text));
}

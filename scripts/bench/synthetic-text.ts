// Deterministic synthetic news text for the benchmark: sentences built from templates, each
// attributed sentence yielding a claim (its span), a cue ("said") and a mention (the source's name).

export type Rng = () => number;

/** mulberry32: small, fast and the same on every machine, so two runs generate the same archive. */
export function makeRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
export const between = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));

/** A v4-shaped UUID from the generator (crypto.randomUUID would make every run differ). */
export function makeUuid(rng: Rng): string {
  const hex: string[] = [];
  for (let i = 0; i < 4; i++)
    hex.push(
      Math.floor(rng() * 0x100000000)
        .toString(16)
        .padStart(8, "0"),
    );
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${"89ab"[parseInt(h[16], 16) & 3]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const SUBJECTS = [
  "the ministry",
  "the council",
  "the army",
  "aid agencies",
  "the central bank",
  "negotiators",
  "the opposition",
  "local officials",
  "the committee",
  "investigators",
  "the regulator",
  "the union",
  "the government",
  "residents",
  "the court",
  "the company",
  "hospital staff",
  "the mayor",
];
const VERBS = [
  "will review",
  "has rejected",
  "is preparing",
  "could delay",
  "would support",
  "has not approved",
  "plans to expand",
  "is investigating",
  "has suspended",
  "will announce",
  "cannot confirm",
  "has ordered",
  "expects to finish",
  "warned against",
  "is considering",
  "agreed to fund",
];
const OBJECTS = [
  "the ceasefire proposal",
  "new border controls",
  "the budget for next year",
  "an inquiry into the contracts",
  "emergency shelters",
  "the evacuation plan",
  "interest rate cuts",
  "the reconstruction programme",
  "fuel deliveries to the north",
  "the election timetable",
  "a second round of talks",
  "the hospital's water supply",
  "the disputed land deal",
  "new trade tariffs",
  "the pension reform",
  "vaccination drives",
];
const TAILS = [
  "before the end of the month",
  "despite mounting pressure",
  "after weeks of delays",
  "within days",
  "as early as Tuesday",
  "if conditions allow",
  "in the coming weeks",
  "according to draft documents",
  "amid growing criticism",
  "for the first time since 2019",
  "",
];

/** A plain clause of 8–20 words. */
export function clause(rng: Rng): string {
  const parts = [pick(rng, SUBJECTS), pick(rng, VERBS), pick(rng, OBJECTS)];
  const tail = pick(rng, TAILS);
  if (tail) parts.push(tail);
  if (rng() < 0.4) parts.push("and", pick(rng, VERBS), pick(rng, OBJECTS));
  return parts.join(" ");
}

const capital = (s: string) => s[0].toUpperCase() + s.slice(1);

export interface SourceRef {
  index: number;
  name: string;
}
export interface TaggedSpan {
  start: number;
  end: number;
}
export interface GeneratedAttribution {
  source: number;
  via: number | null;
  mode: "direct_quote" | "partial_quote" | "paraphrase";
  cue: TaggedSpan | null;
  mention: TaggedSpan | null;
}
export interface GeneratedClaim {
  start: number;
  end: number;
  attributions: GeneratedAttribution[];
}
export interface GeneratedSentence {
  start: number;
  end: number;
  kind: "heading" | "sentence";
}

/**
 * Appends sentences to `out` and records offsets (UTF-16, as the app counts them). `attributed`
 * tells whether the sentence carries a claim; the caller chooses sources (and via outlets).
 */
export class TextBuilder {
  body = "";
  sentences: GeneratedSentence[] = [];
  claims: GeneratedClaim[] = [];

  heading(text: string) {
    this.sentences.push({ start: this.body.length, end: this.body.length + text.length, kind: "heading" });
    this.body += `${text}\n\n`;
  }

  paragraphBreak() {
    this.body = `${this.body.replace(/ $/, "")}\n\n`;
  }

  private push(pieces: (string | { mark: "claim" | "cue" | "mention"; text: string })[]): Record<string, TaggedSpan> {
    const start = this.body.length;
    const marks: Record<string, TaggedSpan> = {};
    for (const piece of pieces) {
      if (typeof piece === "string") this.body += piece;
      else {
        marks[piece.mark] = { start: this.body.length, end: this.body.length + piece.text.length };
        this.body += piece.text;
      }
    }
    this.sentences.push({ start, end: this.body.length, kind: "sentence" });
    this.body += " ";
    return marks;
  }

  unsourced(rng: Rng) {
    this.push([`${capital(clause(rng))}.`]);
  }

  /** One attributed sentence; `second` adds another source (no mention of its own), `via` a chain. */
  attributed(rng: Rng, source: SourceRef, second: SourceRef | null, via: SourceRef | null) {
    const c = clause(rng);
    const r = rng();
    let marks: Record<string, TaggedSpan>;
    let mode: GeneratedAttribution["mode"];
    const viaTail = via ? `, according to ${via.name}` : "";
    if (r < 0.35) {
      mode = "direct_quote";
      marks = this.push([
        "\u201c",
        { mark: "claim", text: capital(c) },
        ",\u201d ",
        { mark: "mention", text: source.name },
        " ",
        { mark: "cue", text: "said" },
        `${viaTail}.`,
      ]);
    } else if (r < 0.5) {
      mode = "partial_quote";
      marks = this.push([
        { mark: "mention", text: capital(source.name) },
        " ",
        { mark: "cue", text: "described" },
        " it as \u201c",
        { mark: "claim", text: c },
        `\u201d${viaTail}.`,
      ]);
    } else if (r < 0.8) {
      mode = "paraphrase";
      marks = this.push([
        { mark: "mention", text: capital(source.name) },
        " ",
        { mark: "cue", text: "said" },
        " ",
        { mark: "claim", text: c },
        `${viaTail}.`,
      ]);
    } else {
      mode = "paraphrase";
      marks = this.push([
        { mark: "cue", text: "According to" },
        " ",
        { mark: "mention", text: source.name },
        viaTail,
        ", ",
        { mark: "claim", text: c },
        ".",
      ]);
    }
    const attributions: GeneratedAttribution[] = [
      { source: source.index, via: via?.index ?? null, mode, cue: marks.cue, mention: marks.mention },
    ];
    if (second) attributions.push({ source: second.index, via: null, mode, cue: marks.cue, mention: null });
    this.claims.push({ ...marks.claim, attributions });
  }
}

import { describe, expect, it } from "vitest";
import type { Span } from "@/lib/spans/check-span";
import {
  balanceQuotes,
  findWords,
  snapToWords,
  stepWords,
  wholeStatementSpan,
  wordAt,
  wordNextTo,
  wordStartingWith,
} from "@/lib/text/words";

const texts = (text: string, spans: { start: number; end: number }[]) => spans.map((s) => text.slice(s.start, s.end));

describe("findWords", () => {
  it("keeps hyphenated words and drops edge punctuation", () => {
    const text = `a full-scale war, "ill-considered speculation". U.S. 1.3 million 🎉 he's — end.`;
    expect(texts(text, findWords(text))).toEqual([
      "a",
      "full-scale",
      "war",
      "ill-considered",
      "speculation",
      "U.S",
      "1.3",
      "million",
      "🎉",
      "he's",
      "end",
    ]);
  });
  it("splits Arabic on spaces and CJK with the word segmenter", () => {
    const ar = "قال مسؤول إسرائيلي، إن الجيش";
    expect(texts(ar, findWords(ar))).toEqual(["قال", "مسؤول", "إسرائيلي", "إن", "الجيش"]);
    const zh = "他说：我们会赢。";
    expect(texts(zh, findWords(zh)).join("|")).toMatch(/我们/);
  });
  it("respects a range", () => {
    const text = "one two three four";
    expect(texts(text, findWords(text, 4, 13))).toEqual(["two", "three"]);
  });
});

describe("wordAt", () => {
  it("finds the word under an offset or the next one", () => {
    const text = "The minister said so.";
    expect(texts(text, [wordAt(text, 6)!])).toEqual(["minister"]);
    expect(texts(text, [wordAt(text, 3)!])).toEqual(["minister"]);
    expect(wordAt("   ", 1)).toBeNull();
  });
});

describe("stepWords and wholeStatementSpan on the Rafah sentences", () => {
  const s6 =
    "Although a third Israeli official, who also requested anonymity, confirmed that eventually, it is inevitable that Israeli forces will launch an operation of some kind in Rafah.";
  const s8 = `although national security adviser Jake Sullivan later clarified that these and other similar reports are just "ill-considered speculation".`;

  it("takes a statement without its final period", () => {
    expect(s6.slice(...(Object.values(wholeStatementSpan(s6, { start: 0, end: s6.length })) as [number, number]))).toBe(
      s6.slice(0, -1),
    );
  });

  it("narrows from the left word by word", () => {
    const within = { start: 0, end: s6.length };
    let span = wholeStatementSpan(s6, within);
    for (let i = 0; i < 11; i++) span = stepWords(s6, span, "dropFirst", within);
    expect(s6.slice(span.start, span.end)).toBe(
      "eventually, it is inevitable that Israeli forces will launch an operation of some kind in Rafah",
    );
  });

  it("keeps both marks of a partial quote", () => {
    const within = { start: 0, end: s8.length };
    let span = wholeStatementSpan(s8, within);
    expect(s8.slice(span.start, span.end).endsWith(`speculation"`)).toBe(true);
    for (let i = 0; i < 9; i++) span = stepWords(s8, span, "dropFirst", within);
    expect(s8.slice(span.start, span.end)).toBe(
      `these and other similar reports are just "ill-considered speculation"`,
    );
  });

  it("drops and adds at the end and never empties the span", () => {
    const text = "one two three";
    const within = { start: 0, end: text.length };
    let span = stepWords(text, { start: 0, end: 13 }, "dropLast", within);
    expect(text.slice(span.start, span.end)).toBe("one two");
    span = stepWords(text, span, "dropLast", within);
    span = stepWords(text, span, "dropLast", within);
    expect(text.slice(span.start, span.end)).toBe("one");
    span = stepWords(text, span, "addAfter", within);
    expect(text.slice(span.start, span.end)).toBe("one two");
    span = stepWords(text, { start: 8, end: 13 }, "addBefore", within);
    expect(text.slice(span.start, span.end)).toBe("two three");
  });
});

describe("balanceQuotes", () => {
  it("grows over a lone quotation mark on either side", () => {
    const text = `he called it “a disgrace” today`;
    expect(text.slice(...(Object.values(balanceQuotes(text, { start: 13, end: 24 })) as [number, number]))).toBe(
      "“a disgrace”",
    );
    expect(balanceQuotes(text, { start: 0, end: 2 })).toEqual({ start: 0, end: 2 });
  });
});

describe("wordNextTo and wordStartingWith (marking cues and mentions)", () => {
  const s3 = "Four US officials have made it clear that senior officials have hinted, as quoted by Politico";
  const claim = { start: s3.indexOf("senior"), end: s3.indexOf(", as") };
  const within = { start: 0, end: s3.length };

  it("starts next to the claim: the word before it, else the word after it", () => {
    expect(texts(s3, [wordNextTo(s3, claim, within)!])).toEqual(["that"]);
    const quote = `"We cannot win this war," he said.`;
    const quoted = { start: 0, end: quote.indexOf(" he") };
    expect(texts(quote, [wordNextTo(quote, quoted, { start: 0, end: quote.length })!])).toEqual(["he"]);
  });

  it("jumps to the word starting with the typed letters that is nearest the claim, outside it first", () => {
    const that = wordNextTo(s3, claim, within)!;
    const jump = (typed: string, from = that) => wordStartingWith(s3, typed, { from, within, near: claim });
    expect(s3.slice(jump("ha")!.start)).toMatch(/^have made/);
    expect(texts(s3, [jump("FO")!])).toEqual(["Four"]);
    expect(jump("zz")).toBeNull();
    expect(texts(s3, [jump("p")!])).toEqual(["Politico"]);
  });

  it("cycles through the words starting with one letter typed again", () => {
    const jump = (typed: string, from: Span) => wordStartingWith(s3, typed, { from, within, near: claim });
    const first = jump("h", { start: 0, end: 4 })!;
    expect(s3.slice(first.start)).toMatch(/^have made/);
    const second = jump("h", first)!;
    expect(s3.slice(second.start)).toMatch(/^have hinted/);
    const third = jump("hh", second)!;
    expect(texts(s3, [third])).toEqual(["hinted"]);
    expect(jump("hhh", third)).toEqual(first);
  });

  it("keeps the current word while a longer prefix still fits it", () => {
    const have = { start: s3.indexOf("have"), end: s3.indexOf("have") + 4 };
    expect(wordStartingWith(s3, "hav", { from: have, within, near: claim })).toEqual(have);
  });
});

describe("words glued by punctuation, and Arabic clitics", () => {
  it("splits words glued by a quotation mark or a comma (Rafah,\"he) but keeps U.S., 1,300, 10:30 and he's", () => {
    const text = `brigades in Rafah,"he said. U.S. aid of 1,300 tons at 10:30, he's sure;"no" and«oui» or yes,no.`;
    expect(texts(text, findWords(text))).toEqual([
      "brigades",
      "in",
      "Rafah",
      "he",
      "said",
      "U.S",
      "aid",
      "of",
      "1,300",
      "tons",
      "at",
      "10:30",
      "he's",
      "sure",
      "no",
      "and",
      "oui",
      "or",
      "yes",
      "no",
    ]);
    const arabic = "قال مسؤول،إن الجيش";
    expect(texts(arabic, findWords(arabic))).toEqual(["قال", "مسؤول", "إن", "الجيش"]);
  });

  it("lets a cue leave out the conjunction و or ف written onto its word, only when asked", () => {
    const text = "وقال المتحدث إن فالجيش مستعد";
    const within = { start: 0, end: text.length };
    const said = findWords(text)[0];
    expect(texts(text, [stepWords(text, said, "dropFirst", within, { clitics: true })])).toEqual(["قال"]);
    expect(stepWords(text, said, "dropFirst", within)).toEqual(said);
    const twoWords = { start: said.start, end: findWords(text)[1].end };
    expect(texts(text, [stepWords(text, twoWords, "dropFirst", within)])).toEqual(["المتحدث"]);
    expect(texts(text, [stepWords(text, twoWords, "dropFirst", within, { clitics: true })])).toEqual(["قال المتحدث"]);
    // A word merely starting with و (وزير, minister) is three letters after it too: the editor decides; short words never split.
    const short = "وإن";
    expect(stepWords(short, { start: 0, end: 3 }, "dropFirst", { start: 0, end: 3 }, { clitics: true })).toEqual({
      start: 0,
      end: 3,
    });
  });
});

describe("snapToWords (a mouse drag)", () => {
  const text = 'The minister said the plan works and "will be finished soon". Done.';
  const at = (s: string, d = 0) => text.indexOf(s) + d;
  const snapped = (start: number, end: number) => {
    const span = snapToWords(text, { start, end });
    return span && text.slice(span.start, span.end);
  };
  it("takes whole words when the drag starts or ends mid-word", () => {
    expect(snapped(at("the plan", 1), at("works", 2))).toBe("the plan works");
    expect(snapped(at("minister", 3), at("said", 1))).toBe("minister said");
  });
  it("leaves trailing spaces and punctuation out and balances a quotation mark", () => {
    expect(snapped(at("plan"), at(" and"))).toBe("plan works");
    expect(snapped(at("will"), at("Done") - 1)).toBe('"will be finished soon"');
    expect(snapped(at("works"), at("soon") + 2)).toBe('works and "will be finished soon"');
  });
  it("is null for a selection without words", () => {
    expect(snapToWords(text, { start: at(". Done"), end: at(". Done") + 2 })).toBeNull();
  });
});

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildCorpus } from "../../scripts/corpus/build-corpus";
import { buildGold } from "../../scripts/corpus/to-gold";

const header = [
  "% style: wire",
  "% source lee = person | Ana Lee | role=senator",
  "% source ministry = organization | the ministry",
  "% source poll = document | A poll",
  "",
].join("\n");
/** Builds with the shared header; its unused sources are not what these cases test. */
const build = (body: string) => {
  const built = buildGold(header + body, "t");
  return { ...built, errors: built.errors.filter((e) => !e.endsWith("is never used")) };
};

describe("buildGold", () => {
  it("strips the tags and computes UTF-16 offsets that point at the tagged text", () => {
    const { text, gold, errors } = build(
      '“[[c1|Ça va — 😀 fine,]]” [[s1 lee|Sen. Ana Lee]] (D-Ore.) [[v1 Q|said]]. "[[c2 cont src=lee|Really.]]"',
    );
    expect(errors).toEqual([]);
    expect(text).toBe('“Ça va — 😀 fine,” Sen. Ana Lee (D-Ore.) said. "Really."');
    const [c1, c2] = gold.claims;
    expect(c1).toMatchObject({ id: "C1", kind: "speech_quoted", mode: "direct_quote", source: "lee" });
    for (const s of [c1.content, c1.cue, c1.sourceMention]) expect(text.slice(s!.start, s!.end)).toBe(s!.text);
    expect(c1.content).toEqual({ start: 1, end: 17, text: "Ça va — 😀 fine," });
    expect(c2).toMatchObject({ cue: null, sourceMention: null, kind: "speech_quoted", source: "lee" });
  });

  it("makes a split quote one claim with two parts and keeps nested claims with their via", () => {
    const { gold, errors } = build(
      '"[[c1|We will win,]]" [[s1 lee|she]] [[v1 Q|said]], "[[c1|whatever [[s2 ministry via=lee|the ministry]] [[v2 R|says]] [[c2|it costs]].]]"',
    );
    expect(errors).toEqual([]);
    const outer = gold.claims.find((c) => c.source === "lee")!;
    expect(outer.parts?.map((p) => p.text)).toEqual(["We will win,", "whatever the ministry says it costs."]);
    expect(outer.content.text).toBe('We will win," she said, "whatever the ministry says it costs.');
    expect(outer.anaphor).toBe("she");
    const inner = gold.claims.find((c) => c.source === "ministry")!;
    expect(inner).toMatchObject({ via: "lee", mode: "paraphrase", kind: "speech_reported" });
  });

  it("infers partial quotes, keeps stance and evidence kinds, and lists no-content attributions apart", () => {
    const { gold, errors } = build(
      '[[s1 lee|Lee]] [[v1 R|called]] [[c1|the plan "dead"]]. [[s2 poll|A poll]] [[v2 E|shows]] [[c2|voters souring]]. ' +
        "[[s3 lee|She]] [[v3 none|declined to comment]].",
    );
    expect(errors).toEqual([]);
    expect(gold.claims.map((c) => [c.kind, c.mode])).toEqual([
      ["speech_reported", "partial_quote"],
      ["evidence", "paraphrase"],
    ]);
    expect(gold.noContent).toEqual([
      expect.objectContaining({
        id: "N1",
        source: "lee",
        cue: expect.objectContaining({ text: "declined to comment" }),
      }),
    ]);
  });

  it("refuses annotations that break the guideline", () => {
    const errorsOf = (body: string) => build(body).errors.join("\n");
    expect(errorsOf("[[s1 lee|Lee]] said [[c1|it was fine]].")).toMatch(/no cue/);
    expect(errorsOf("[[s1 nobody|Lee]] [[v1 R|said]] [[c1|it was fine]].")).toMatch(/undefined source "nobody"/);
    expect(errorsOf("[[s1 lee|Lee]] [[v1 R|said]] [[c1|that it was fine]].")).toMatch(/starts with "that"/);
    expect(errorsOf("[[s1 lee|Lee]] [[v1 Q|said]] [[c1|it was fine]].")).toMatch(/speech_quoted but paraphrase/);
    expect(errorsOf("[[s1 lee|Lee]] [[v1 R|said]] [[c1|it was fine.]]")).toMatch(/ends with punctuation/);
    expect(errorsOf("[[s1 lee|Lee]] [[v1 R|said]] [[c1| it was fine]].")).toMatch(/surrounding whitespace/);
    expect(errorsOf("[[s1 lee|Lee [[v1 R|said]] [[c1|it was fine]].")).toMatch(/never closed/);
    expect(buildGold(`${header}[[s1 lee|Lee]] [[v1 R|said]] [[c1|it was fine]].`, "t").errors).toContain(
      "source ministry is never used",
    );
  });
});

describe("the committed corpus", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  for (const [src, out] of [
    ["fixtures/corpus/dev-src", "fixtures/corpus/dev"],
    ["fixtures/corpus/other-languages-src", "fixtures/corpus/other-languages"],
  ]) {
    it(`${out} is built from ${src} and valid`, () => {
      if (!existsSync(path.join(root, src))) return;
      const { articles, errors } = buildCorpus(path.join(root, src));
      expect(errors).toEqual([]);
      expect(articles.length).toBeGreaterThan(0);
      for (const a of articles) {
        const dir = path.join(root, out, a.slug);
        expect(readFileSync(path.join(dir, "article.txt"), "utf8")).toBe(a.articleTxt);
        expect(readFileSync(path.join(dir, "gold.json"), "utf8")).toBe(a.goldJson);
        for (const c of a.gold.claims)
          for (const s of [c.content, c.cue, c.sourceMention, ...(c.parts ?? [])])
            if (s) expect(a.articleTxt.slice(s.start, s.end)).toBe(s.text);
      }
    });
  }
});

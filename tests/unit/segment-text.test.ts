import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectHeading, segmentText, type TextSegment } from "@/lib/statements/segment-text";

const root = path.resolve(import.meta.dirname, "../..");

/** Segments rendered as "h:text" / "s:text" so expectations read like the article. */
function renderSegments(body: string): string[] {
  return segmentText(body).map((s) => `${s.kind[0]}:${body.slice(s.start, s.end)}`);
}

function sentencesOf(body: string): string[] {
  return segmentText(body)
    .filter((s) => s.kind === "sentence")
    .map((s) => body.slice(s.start, s.end));
}

describe("segmentText on the Rafah fixture", () => {
  const body = fs.readFileSync(path.join(root, "fixtures/rafah/article.txt"), "utf8");
  const gold = JSON.parse(fs.readFileSync(path.join(root, "fixtures/rafah/gold.json"), "utf8"));

  it("matches the 8 gold sentences and 3 gold headings exactly, in text order", () => {
    const expected: TextSegment[] = [
      ...gold.headings.map((h: TextSegment) => ({ kind: "heading", start: h.start, end: h.end })),
      ...gold.sentences.map((s: TextSegment) => ({ kind: "sentence", start: s.start, end: s.end })),
    ].sort((a, b) => a.start - b.start);
    expect(segmentText(body)).toEqual(expected);
  });

  it("keeps the glued closing quote sentence whole and separate from the previous one", () => {
    const segments = segmentText(body);
    expect(segments.find((s) => s.start === 1578)).toEqual({ kind: "sentence", start: 1578, end: 1680 });
    expect(segments.find((s) => s.end === 1577)?.start).toBe(1401);
  });
});

describe("the other hand-made fixtures", () => {
  const dirs = fs
    .readdirSync(path.join(root, "fixtures"))
    .filter((d) => d !== "rafah" && fs.existsSync(path.join(root, "fixtures", d, "gold.json")));
  it.each(dirs)("%s: gold headings and sentences", (dir) => {
    const body = fs.readFileSync(path.join(root, "fixtures", dir, "article.txt"), "utf8");
    const gold = JSON.parse(fs.readFileSync(path.join(root, "fixtures", dir, "gold.json"), "utf8"));
    const expected: TextSegment[] = [
      ...(gold.headings ?? []).map((h: TextSegment) => ({ kind: "heading", start: h.start, end: h.end })),
      ...gold.sentences.map((s: TextSegment) => ({ kind: "sentence", start: s.start, end: s.end })),
    ].sort((a, b) => a.start - b.start);
    expect(segmentText(body)).toEqual(expected);
  });
});

describe("abbreviations, initials and numbers", () => {
  it.each([
    ["The U.S. President spoke. He left.", ["The U.S. President spoke.", "He left."]],
    ["The U.S. said no. Then Mr. Smith left.", ["The U.S. said no.", "Then Mr. Smith left."]],
    ["He moved to the U.S. The move was final.", ["He moved to the U.S.", "The move was final."]],
    [
      "Dr. Who met Gen. Lee and Sen. Warren at St. Paul on Jan. 5. Done.",
      ["Dr. Who met Gen. Lee and Sen. Warren at St. Paul on Jan. 5.", "Done."],
    ],
    ["Jan. 5, President Biden said so.", ["Jan. 5, President Biden said so."]],
    ["Use tools, e.g. Hammers, i.e. Heavy ones. Next.", ["Use tools, e.g. Hammers, i.e. Heavy ones.", "Next."]],
    ["He ranked No. 5 in the poll. Fine.", ["He ranked No. 5 in the poll.", "Fine."]],
    ["He ranked No. 5. Then fell.", ["He ranked No. 5.", "Then fell."]],
    ["J. R. Smith scored. He won.", ["J. R. Smith scored.", "He won."]],
    ["George W. Bush spoke. Plan B. The end.", ["George W. Bush spoke.", "Plan B.", "The end."]],
    ["Roe v. Wade was decided. Then came more.", ["Roe v. Wade was decided.", "Then came more."]],
    ["About 1.3 million people fled. More came.", ["About 1.3 million people fled.", "More came."]],
    ["It rose 5.5% to $1.3bn. Then it fell 0.2 points.", ["It rose 5.5% to $1.3bn.", "Then it fell 0.2 points."]],
    ["They met at 5 p.m. Monday in Washington.", ["They met at 5 p.m. Monday in Washington."]],
  ])("%s", (body, expected) => {
    expect(sentencesOf(body)).toEqual(expected);
  });
});

describe("quotes and sentence-final punctuation", () => {
  it.each([
    ['He said it "in Rafah,"he said. Next one.', ['He said it "in Rafah,"he said.', "Next one."]],
    ['"We will win." Then he left.', ['"We will win."', "Then he left."]],
    ['"We will win."Then he left.', ['"We will win."', "Then he left."]],
    ["“We will win.” Then he left.", ["“We will win.”", "Then he left."]],
    ["“We will win,” he said. “Nobody doubts it.”", ["“We will win,” he said.", "“Nobody doubts it.”"]],
    ["He said “it is done.” and left.", ["He said “it is done.” and left."]],
    ["It’s the minister’s call. ‘Fine.’ Next.", ["It’s the minister’s call.", "‘Fine.’", "Next."]],
    ['"Why?" he asked. Nobody knew.', ['"Why?" he asked.', "Nobody knew."]],
    ["He asked, “Why?” Nobody knew.", ["He asked, “Why?”", "Nobody knew."]],
    ["“Stop!” she shouted. He did.", ["“Stop!” she shouted.", "He did."]],
    ["Really?! Yes!! No... maybe. Wait… what?", ["Really?!", "Yes!!", "No... maybe.", "Wait… what?"]],
    ["He paused... Then left.", ["He paused...", "Then left."]],
    [
      "“We used to find one. Now we find many,” she said. Fine.",
      ["“We used to find one. Now we find many,” she said.", "Fine."],
    ],
    ['"One thing. Another thing," he said.', ['"One thing. Another thing," he said.']],
    ["“This quote runs on. Into the next paragraph.", ["“This quote runs on.", "Into the next paragraph."]],
    ["He is 6'2\" tall. He left.", ["He is 6'2\" tall.", "He left."]],
    ["Done.Next sentence starts here.", ["Done.", "Next sentence starts here."]],
    ["See www.Example.Com for more.", ["See www.Example.Com for more."]],
    ["He left.  Twice   spaced.\tTabbed.", ["He left.", "Twice   spaced.", "Tabbed."]],
  ])("%s", (body, expected) => {
    expect(sentencesOf(body)).toEqual(expected);
  });
});

describe("scripts and emoji", () => {
  it("splits an Arabic paragraph on ؟ and . (RTL text, offsets still in string order)", () => {
    const body = "هل سيدعم البيت الأبيض العملية؟ قال المسؤول إن القرار لم يتخذ بعد.";
    expect(sentencesOf(body)).toEqual(["هل سيدعم البيت الأبيض العملية؟", "قال المسؤول إن القرار لم يتخذ بعد."]);
  });

  it("splits Arabic sentences glued without a space", () => {
    expect(sentencesOf("قال إنه بخير.شكرا لك. وداعا")).toEqual(["قال إنه بخير.", "شكرا لك.", "وداعا"]);
  });

  it("splits CJK on 。！？ without spaces", () => {
    expect(sentencesOf("今天天气很好。我们去公园吧！你去吗？好的")).toEqual([
      "今天天气很好。",
      "我们去公园吧！",
      "你去吗？",
      "好的",
    ]);
  });

  it("keeps emoji whole inside and at the end of sentences, with UTF-16 offsets", () => {
    const body = "A 👨‍👩‍👧 family came 😀. Then 👍🏽 more. End 🎉";
    expect(sentencesOf(body)).toEqual(["A 👨‍👩‍👧 family came 😀.", "Then 👍🏽 more.", "End 🎉"]);
    expect(segmentText(body).at(-1)!.end).toBe(body.length);
  });

  it("keeps an emoji reacting to a sentence with that sentence", () => {
    expect(sentencesOf("I won! 🎉 Then I left.")).toEqual(["I won! 🎉", "Then I left."]);
    expect(sentencesOf("I won! 🎉")).toEqual(["I won! 🎉"]);
  });
});

describe("paragraphs and headings", () => {
  it("tells headings from short sentences", () => {
    expect(renderSegments("Strategic Shift\n\nHe left.\n\nWhy now?\n\nThe road ahead")).toEqual([
      "h:Strategic Shift",
      "s:He left.",
      "s:Why now?",
      "h:The road ahead",
    ]);
  });

  it("does not take a long unpunctuated paragraph ending in a quote for a heading", () => {
    const body =
      'Four US officials have made it clear that senior administration officials have hinted in private talks, as quoted by the newspaper "Politico"';
    expect(renderSegments(body)).toEqual([`s:${body}`]);
  });

  it.each([
    ["Strategic Shift in Tackling Hamas", true],
    ["مخاوف بشأن سلامة المدنيين", true],
    ["He left.", false],
    ["What comes next?", false],
    ["On the other hand,", false],
    ["Note:", false],
    ['He called it "a disgrace."', false],
    ["Hamas lost.Then Israel moved on", false],
    ["One two three four five six seven eight nine ten eleven twelve thirteen", false],
    ["***", false],
    ["", false],
  ])("detectHeading(%j) is %s", (line, expected) => {
    expect(detectHeading(line)).toBe(expected);
  });

  it("joins hard-wrapped lines of one paragraph and handles CRLF", () => {
    const body =
      "The minister said that the\r\noperation would be limited. It\r\nwould start soon.\r\n\r\nNext Steps\r\n";
    expect(renderSegments(body)).toEqual([
      "s:The minister said that the\r\noperation would be limited.",
      "s:It\r\nwould start soon.",
      "h:Next Steps",
    ]);
  });

  it("splits a heading line off the paragraph it sits on with a single newline", () => {
    expect(renderSegments("Heading Here\nThe body starts. And goes on.")).toEqual([
      "h:Heading Here",
      "s:The body starts.",
      "s:And goes on.",
    ]);
  });

  it("trims leading and trailing whitespace and drops blank or punctuation-only paragraphs", () => {
    const body = "  \n\n   Title  \n \t \n  He left.   \n\n***\n\n\u00a0";
    expect(segmentText(body)).toEqual([
      { kind: "heading", start: body.indexOf("Title"), end: body.indexOf("Title") + 5 },
      { kind: "sentence", start: body.indexOf("He"), end: body.indexOf("He left.") + 8 },
    ]);
  });

  it("returns nothing for an empty or whitespace-only body", () => {
    expect(segmentText("")).toEqual([]);
    expect(segmentText(" \n\r\n\t \u00a0 ")).toEqual([]);
  });

  it("handles text without a trailing newline or final punctuation", () => {
    expect(renderSegments("He left. She stayed")).toEqual(["s:He left.", "s:She stayed"]);
  });
});

describe("segment invariants", () => {
  const bodies = [
    fs.readFileSync(path.join(root, "fixtures/rafah/article.txt"), "utf8"),
    "  Title\r\n\r\n“Why?” he asked.Then 😀 left!! 🎉\n\n  ... \n\nمرحبا. كيف حالك؟\n今天。明天！ ",
    "Mr. J. R. Smith, No. 5, met U.S. officials at 5 p.m. The talks... ended.\n\n\n",
  ];
  it.each(bodies.map((b, i) => [i, b]))("body %i: in bounds, ordered, non-overlapping, trimmed", (_i, body) => {
    const segments = segmentText(body as string);
    expect(segments.length).toBeGreaterThan(0);
    let previousEnd = 0;
    for (const { start, end } of segments) {
      expect(start).toBeGreaterThanOrEqual(previousEnd);
      expect(start).toBeLessThan(end);
      expect(end).toBeLessThanOrEqual((body as string).length);
      const text = (body as string).slice(start, end);
      expect(text).toBe(text.trim());
      expect(text.codePointAt(0)! >= 0xdc00 && text.codePointAt(0)! <= 0xdfff).toBe(false);
      previousEnd = end;
    }
  });
});

import { describe, expect, it } from "vitest";
import { findQuotes } from "../../lib/suggestions/engine/text/find-quotes";
import { suggest } from "./suggestions-helpers";

const inner = (text: string) => findQuotes(text).map((q) => text.slice(q.inner.start, q.inner.end));

describe("single curly quotation marks", () => {
  it("tells a closing ’ from an apostrophe", () => {
    expect(inner("‘There were days I didn’t want to,’ Okonkwo said. ‘The club’s doctors knew.’")).toEqual([
      "There were days I didn’t want to,",
      "The club’s doctors knew.",
    ]);
    expect(inner("‘The players’ union is right,’ she said.")).toEqual(["The players’ union is right,"]);
    expect(inner("He called it ‘a disaster for farmers’ and left.")).toEqual(["a disaster for farmers"]);
    expect(inner("In the ‘90s it was ‘fine’.")).toEqual(["fine"]);
  });

  it("keeps a quotation nested in another as part of the outer one", () => {
    expect(inner("“A ‘nested’ quote,” he said.")).toEqual(["A ‘nested’ quote,"]);
    expect(inner("‘He told me “never”, and meant it,’ she said.")).toEqual(["He told me “never”, and meant it,"]);
  });

  it("attributes British-style quotes like double ones", () => {
    const [s] = suggest("‘Danny is the heart of this dressing room,’ she said.");
    expect([s.content, s.mention, s.cue, s.mode]).toEqual([
      "Danny is the heart of this dressing room,",
      "she",
      "said",
      "direct_quote",
    ]);
    expect(suggest("Rahman said the injury was ‘among the worst’ she had seen.")[0].mode).toBe("partial_quote");
  });

  it("ignores cue words inside single quotes", () => {
    const out = suggest("He said the knee feels strong. ‘The surgeon told me it would take a year. It took two.’");
    expect(out.map((s) => s.cue)).toEqual(["said", null]);
  });
});

describe("quote continuations", () => {
  it("continues a speaker over a multi-sentence quotation, after a paraphrase too", () => {
    const out = suggest(
      "He said the knee feels stronger. ‘The surgeon told me it would take a year. It took two. But I’m here.’",
    );
    expect(out[1]).toMatchObject({
      mention: null,
      cue: null,
      content: "The surgeon told me it would take a year. It took two. But I’m here.",
      mode: "direct_quote",
    });
    expect(out[1].source.name).toBe(out[0].source.name);
  });

  it("keeps a quotation running over paragraphs one claim (guideline §4)", () => {
    const text =
      "Prosecutor Helen Marsh told the court: “This was not bad luck. It was a plan.\n\n“He needed money, and he knew how to get it.”";
    const out = suggest(text);
    expect(out.map((s) => [s.content, s.mention, s.mode])).toEqual([
      [
        "This was not bad luck. It was a plan.\n\n“He needed money, and he knew how to get it.",
        "Prosecutor Helen Marsh",
        "direct_quote",
      ],
    ]);
    expect(out[0].source.name).toBe("Helen Marsh");
  });

  it("continues a closed quotation into a new paragraph as a claim of its own", () => {
    expect(suggest("‘It is a cut,’ Diaz said.\n\n‘Families will notice.’").map((s) => s.cue)).toEqual(["said", null]);
  });

  it("does not continue over an unrelated sentence", () => {
    expect(suggest("Diaz said the cut was deep. The vote is on Friday. “Families will notice.”")).toHaveLength(1);
  });
});

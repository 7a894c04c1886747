import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { segmentText } from "@/lib/statements/segment-text";
import { suggestAttributions } from "@/lib/suggestions/engine";
import { closeTextPool, runSegmentation, runSuggestions } from "@/lib/workers/pool";
import { largeArticleBody } from "../integration/fixtures/large-article";
import { longestStall } from "../support/longest-stall";

const rafah = fs.readFileSync(path.resolve(import.meta.dirname, "../../fixtures/rafah/article.txt"), "utf8");

afterAll(() => closeTextPool());

describe("the text worker pool", () => {
  it("segments and suggests on a worker exactly as in this thread", async () => {
    expect(await runSegmentation(rafah)).toEqual(segmentText(rafah));
    expect(await runSuggestions(rafah, { language: "en" })).toEqual(suggestAttributions(rafah, { language: "en" }));
    const long = largeArticleBody(20_000, "pool");
    expect(await runSegmentation(long)).toEqual(segmentText(long));
  });

  it("keeps this thread free while a long text is processed", async () => {
    const text = largeArticleBody(20_000, "stall");
    await runSuggestions(rafah); // threads started and warm
    const t0 = performance.now();
    suggestAttributions(text);
    const inline = performance.now() - t0; // the stall the same work causes in this thread
    const stall = await longestStall(() => runSuggestions(text));
    expect(inline).toBeGreaterThan(150);
    expect(stall).toBeLessThan(inline / 3);
  });

  it("runs tasks side by side and keeps their results apart", async () => {
    const texts = ["One. Two.", "Three. Four. Five.", rafah, "Six."];
    const results = await Promise.all(texts.map((t) => runSegmentation(t)));
    expect(results).toEqual(texts.map((t) => segmentText(t)));
  });
});

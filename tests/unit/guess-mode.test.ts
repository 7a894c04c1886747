import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { guessMode } from "@/lib/workspace/guess-mode";

const root = path.resolve(import.meta.dirname, "..", "..");
const body = readFileSync(path.join(root, "fixtures/rafah/article.txt"), "utf8");
const gold = JSON.parse(readFileSync(path.join(root, "fixtures/rafah/gold.json"), "utf8"));

describe("guessMode", () => {
  it("agrees with every Rafah gold claim", () => {
    for (const claim of gold.claims) expect([claim.id, guessMode(body, claim.content)]).toEqual([claim.id, claim.mode]);
  });
  it("handles curly quotes and quotes inside the span", () => {
    const text = "She said: “We will win.” Then she said it was “a disgrace” to lose.";
    expect(guessMode(text, { start: text.indexOf("“"), end: text.indexOf("”") + 1 })).toBe("direct_quote");
    expect(guessMode(text, { start: text.indexOf("it was"), end: text.indexOf(" to lose") })).toBe("partial_quote");
    expect(guessMode(text, { start: 0, end: 8 })).toBe("paraphrase");
  });
});

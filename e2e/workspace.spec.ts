import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { DEMO_ARTICLE_TITLE, signIn } from "./helpers";
import { clickOffset, createSource, focusStatement, press } from "./workspace-helpers";

const gold = JSON.parse(readFileSync(path.join(process.cwd(), "fixtures/rafah/gold.json"), "utf8"));
const goldClaim = (id: string) => gold.claims.find((c: { id: string }) => c.id === id);
const goldSource = (id: string) => gold.sources.find((s: { id: string }) => s.id === id);

async function openDemoArticle(page: Page) {
  await signIn(page);
  await page.getByRole("link", { name: DEMO_ARTICLE_TITLE }).first().click();
  await expect(page.getByRole("region", { name: "Article text" })).toBeVisible();
}

/** Marks the cue or mention of the current claim from the keyboard: m/c, → to the first word, Shift+→ to extend, Enter. */
async function markByKeyboard(page: Page, key: "c" | "m", wordsToSkip: number, extraWords: number) {
  await page.keyboard.press(key);
  await press(page, "ArrowRight", wordsToSkip);
  await press(page, "Shift+ArrowRight", extraWords);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: key === "c" ? "Cue saved" : "Mention saved" })).toBeVisible();
}

test("an editor tags gold claims C3, C7 and C10 through the UI and the API stores exactly the gold", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000); // some hundred deliberate key presses and a dozen saves
  await openDemoArticle(page);

  // C3: "Four US officials have made it clear that <claim>, as quoted by the newspaper "Politico""
  await focusStatement(page, 2);
  await page.keyboard.press("Enter");
  await press(page, "Shift+ArrowRight", 8); // drop "Four US officials have made it clear that"
  await press(page, "Shift+ArrowLeft", 6); // drop "as quoted by the newspaper Politico"
  await page.keyboard.press("Enter");
  await createSource(page, "Who said it? (source)", "Four US officials", {
    Affiliation: "United States government",
    Role: "officials",
  });
  await expect(page.getByRole("group", { name: "Attribution to Four US officials" })).toBeVisible();
  await markByKeyboard(page, "m", 0, 2); // "Four US officials"
  await markByKeyboard(page, "c", 3, 3); // "have made it clear"
  await createSource(page, "Via (second-hand source)", "Politico", { Role: "newspaper" });
  await expect(page.getByRole("group", { name: "Attribution to Four US officials" })).toContainText("Politico");

  // C7: "Although a third Israeli official, who also requested anonymity, confirmed that <claim>."
  await focusStatement(page, 2);
  await press(page, "j", 5);
  await page.keyboard.press("Enter");
  await press(page, "Shift+ArrowRight", 11);
  await page.keyboard.press("Enter");
  await createSource(page, "Who said it? (source)", "a third Israeli official", {
    Affiliation: "Israeli government",
    Role: "official",
    "Reason anonymity was granted": "requested anonymity",
  });
  await expect(page.getByRole("group", { name: "Attribution to a third Israeli official" })).toBeVisible();
  await markByKeyboard(page, "m", 1, 3); // "a third Israeli official"
  await markByKeyboard(page, "c", 9, 0); // "confirmed"

  // C10: a partial quote, "… Jake Sullivan later clarified that <these … "ill-considered speculation">."
  await press(page, "j", 3);
  await page.keyboard.press("Enter");
  await press(page, "Shift+ArrowRight", 38);
  await page.keyboard.press("Enter");
  await createSource(page, "Who said it? (source)", "Jake Sullivan", {
    Affiliation: "United States government",
    Role: "national security adviser",
  });
  const sullivan = page.getByRole("group", { name: "Attribution to Jake Sullivan" });
  await expect(sullivan.getByRole("radio", { name: /Partial quote/ })).toBeChecked();
  // Mention and cue with the mouse: click the first word, Shift+click the last, Enter.
  const c10 = goldClaim("C10");
  await sullivan.getByRole("button", { name: /Mark mention/ }).click();
  await clickOffset(page, c10.sourceMention.start);
  await clickOffset(page, c10.sourceMention.end - 1, { shift: true });
  await page.keyboard.press("Enter");
  await expect(sullivan).toContainText("“national security adviser Jake Sullivan”");
  await sullivan.getByRole("button", { name: /Mark cue/ }).click();
  await clickOffset(page, c10.cue.start);
  await clickOffset(page, c10.cue.end - 1, { shift: true });
  await page.keyboard.press("Enter");
  await expect(sullivan).toContainText("“later clarified”");

  await expect(page.getByText("3 of 8 (38%)")).toBeVisible();
  const shot = testInfo.outputPath("tagged-workspace.png");
  await page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach("tagged-workspace", { path: shot, contentType: "image/png" });

  // The API holds exactly the gold spans and fields.
  const articleId = page.url().split("/").pop();
  const article = await (await page.request.get(`/api/articles/${articleId}`)).json();
  const expectations = [
    { claim: "C3", source: "four-us-officials", via: "politico" },
    { claim: "C7", source: "third-israeli-official", via: null },
    { claim: "C10", source: "jake-sullivan", via: null },
  ];
  expect(article.claims).toHaveLength(3);
  for (const { claim: id, source: sourceId, via } of expectations) {
    const want = goldClaim(id);
    const wantSource = goldSource(sourceId);
    const got = article.claims.find((c: { start: number }) => c.start === want.content.start);
    expect(got, `claim ${id}`).toBeTruthy();
    expect({ start: got.start, end: got.end, text: got.text }).toEqual(want.content);
    expect(got.attributions).toHaveLength(1);
    const [a] = got.attributions;
    expect(a.mode).toBe(want.mode);
    expect(a.cue).toEqual(want.cue);
    expect(a.mention).toEqual(want.sourceMention);
    expect({
      type: a.source.type,
      name: a.source.name,
      count: a.source.count,
      affiliation: a.source.affiliation,
      role: a.source.role,
      anonymityReason: a.source.anonymityReason,
    }).toEqual({
      type: wantSource.type,
      name: wantSource.label,
      count: wantSource.count,
      affiliation: wantSource.affiliation,
      role: wantSource.role,
      anonymityReason: wantSource.anonymityReason,
    });
    if (via)
      expect({ type: a.via.type, name: a.via.name, role: a.via.role }).toEqual({
        type: goldSource(via).type,
        name: goldSource(via).label,
        role: goldSource(via).role,
      });
    else expect(a.via).toBeNull();
  }
});

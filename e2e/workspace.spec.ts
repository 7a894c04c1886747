import type { Page } from "@playwright/test";
import { goldClaim, goldSource, seededSourceName } from "../tests/support/rafah-gold";
import { expect, test } from "./fixtures";
import { uniqueSuffix } from "./fixtures/seed";
import { clickOffset, createSource, focusStatement, openWorkspace, press, statement } from "./fixtures/workspace";

/**
 * Marks the cue or mention of the current claim from the keyboard: m/c (the mark starts next to the
 * claim), type a word's first letters to jump to it, Alt+Shift+← to take words before it, Shift+→
 * to extend, Enter.
 */
async function markByKeyboard(page: Page, key: "c" | "m", typed: string, extraWords: number, wordsBefore = 0) {
  await page.keyboard.press(key);
  await page.keyboard.type(typed);
  await press(page, "Alt+Shift+ArrowLeft", wordsBefore);
  await press(page, "Shift+ArrowRight", extraWords);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: key === "c" ? "Cue saved" : "Mention saved" })).toBeVisible();
}

test("an editor tags gold claims C3, C7 and C10 through the UI and the API stores exactly the gold", async ({
  editorPage: page,
  apiAs,
  seedArticle,
}, testInfo) => {
  test.setTimeout(120_000); // some hundred deliberate key presses and a dozen saves
  const article = await seedArticle();
  // Named sources are unique workspace-wide: this test's own, so it can run again on the same data.
  const suffix = ` ${uniqueSuffix()}`;
  const named = (id: string) => seededSourceName(goldSource(id), suffix);
  await openWorkspace(page, article.id);

  // C3: "Four US officials have made it clear that <claim>, as quoted by the newspaper "Politico""
  await focusStatement(page, "Four US officials have made it clear");
  await page.keyboard.press("Enter");
  await press(page, "Shift+ArrowRight", 8); // drop "Four US officials have made it clear that"
  await press(page, "Shift+ArrowLeft", 6); // drop "as quoted by the newspaper Politico"
  await page.keyboard.press("Enter");
  await createSource(page, "Who said it? (source)", "Four US officials", {
    Affiliation: "United States government",
    Role: "officials",
  });
  await expect(page.getByRole("group", { name: "Attribution to Four US officials" })).toBeVisible();
  await markByKeyboard(page, "m", "fo", 2); // "Four US officials"
  await markByKeyboard(page, "c", "hav", 3); // "have made it clear" (the "have" outside the claim comes first)
  await createSource(page, "Via (second-hand source)", named("politico"), { Role: "newspaper" });
  await expect(page.getByRole("group", { name: "Attribution to Four US officials" })).toContainText(named("politico"));

  // C7: "Although a third Israeli official, who also requested anonymity, confirmed that <claim>."
  // j moves the cursor through the headings too: five statements down from C3's.
  await focusStatement(page, "Four US officials have made it clear");
  await press(page, "j", 5);
  await expect(statement(page, "Although a third Israeli official")).toBeFocused();
  await page.keyboard.press("Enter");
  await press(page, "Shift+ArrowRight", 11);
  await page.keyboard.press("Enter");
  await createSource(page, "Who said it? (source)", "a third Israeli official", {
    Affiliation: "Israeli government",
    Role: "official",
    "Reason anonymity was granted": "requested anonymity",
  });
  await expect(page.getByRole("group", { name: "Attribution to a third Israeli official" })).toBeVisible();
  await markByKeyboard(page, "m", "thi", 2, 1); // "a third Israeli official"
  await markByKeyboard(page, "c", "con", 0); // "confirmed"

  // C10: a partial quote, "… Jake Sullivan later clarified that <these … "ill-considered speculation">."
  await press(page, "j", 3);
  await expect(statement(page, "The information also came after")).toBeFocused();
  await page.keyboard.press("Enter");
  await press(page, "Shift+ArrowRight", 38);
  await page.keyboard.press("Enter");
  await createSource(page, "Who said it? (source)", named("jake-sullivan"), {
    Affiliation: "United States government",
    Role: "national security adviser",
  });
  const sullivan = page.getByRole("group", { name: `Attribution to ${named("jake-sullivan")}` });
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
  const stored = await (await apiAs("reviewer")).get(`/api/articles/${article.id}`);
  const expectations = [
    { claim: "C3", source: "four-us-officials", via: "politico" },
    { claim: "C7", source: "third-israeli-official", via: null },
    { claim: "C10", source: "jake-sullivan", via: null },
  ];
  expect(stored.claims).toHaveLength(3);
  for (const { claim: id, source: sourceId, via } of expectations) {
    const want = goldClaim(id);
    const wantSource = goldSource(sourceId);
    const got = stored.claims.find((c: { start: number }) => c.start === want.content.start);
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
      name: named(sourceId),
      count: wantSource.count,
      affiliation: wantSource.affiliation,
      role: wantSource.role,
      anonymityReason: wantSource.anonymityReason,
    });
    if (via)
      expect({ type: a.via.type, name: a.via.name, role: a.via.role }).toEqual({
        type: goldSource(via).type,
        name: named(via),
        role: goldSource(via).role,
      });
    else expect(a.via).toBeNull();
  }
});

import type { Page } from "@playwright/test";
import { normalizeSourceName } from "../lib/sources/normalize-source-name";
import { type GoldSource, goldSource, rafahGold } from "../tests/support/rafah-gold";
import { expect, test } from "./fixtures";
import type { Api } from "./fixtures/api";
import { openWorkspace, statement, statements } from "./fixtures/workspace";

/** The keyboard, counting every key pressed: the test's measure of friction. */
function countingKeyboard(page: Page) {
  const pressed: string[] = [];
  return {
    pressed,
    press: async (key: string) => {
      pressed.push(key);
      await page.keyboard.press(key);
    },
  };
}

/**
 * A named source as the newsroom already has it on file. Named sources are one record per name
 * across all articles, and the suggestion engine reuses them: "Jake Sullivan" with his affiliation
 * is what an editor's workspace knows before this article arrives. Made (or brought to the gold's
 * fields) through the API.
 */
async function onFile(api: Api, gold: GoldSource) {
  const fields = { count: gold.count, affiliation: gold.affiliation, role: gold.role };
  const { items } = await api.get(`/api/sources?type=${gold.type}&q=${encodeURIComponent(gold.label)}&limit=50`);
  const existing = items.find((s: { name: string }) => normalizeSourceName(s.name) === normalizeSourceName(gold.label));
  if (!existing) return api.post("/api/sources", { type: gold.type, name: gold.label, ...fields });
  const same = Object.entries(fields).every(([k, v]) => existing[k] === v);
  return same ? existing : api.patch(`/api/sources/${existing.id}`, { version: existing.version, ...fields });
}

interface SourceLike {
  type: unknown;
  name?: unknown;
  label?: unknown;
  count?: unknown;
  affiliation?: unknown;
  role?: unknown;
  anonymityReason?: unknown;
}
const sourceFields = (s: SourceLike) => ({
  type: s.type,
  name: normalizeSourceName(String(s.name ?? s.label)),
  count: s.count,
  affiliation: s.affiliation,
  role: s.role,
  anonymityReason: s.anonymityReason,
});

/**
 * Whether the suggestion engine still proposes C4 once C3 (whose content holds it) is accepted, as
 * the gold needs: asked through the API on an article of its own.
 */
async function keepsNestedSuggestions(api: Api, articleId: string) {
  const c3 = rafahGold.claims.find((c) => c.id === "C3")!;
  const c4 = rafahGold.claims.find((c) => c.id === "C4")!;
  const find = async (claim: typeof c3) =>
    (await api.get(`/api/articles/${articleId}/suggestions`)).suggestions.find(
      (s: { content: { start: number; end: number } }) =>
        s.content.start === claim.content.start && s.content.end === claim.content.end,
    );
  const suggested = await find(c3);
  if (!suggested) return false;
  await api.post(`/api/articles/${articleId}/suggestions/accept`, { key: suggested.key });
  return Boolean(await find(c4));
}

test("the whole demo sourcing from suggestions, by keyboard only from page load, in at most 25 keys", async ({
  editorPage: page,
  apiAs,
  seedArticle,
}, testInfo) => {
  test.setTimeout(180_000); // ten saves, each refetching the article and its suggestions
  const editor = await apiAs("editor");
  await onFile(editor, goldSource("jake-sullivan"));
  await onFile(editor, goldSource("politico"));
  const probe = await seedArticle();
  test.skip(
    !(await keepsNestedSuggestions(editor, probe.id)),
    "the suggestion engine drops C4 once C3, which contains it, is accepted (issue 13 keeps it)",
  );
  const article = await seedArticle();
  const keys = countingKeyboard(page);

  // No click, no Tab: focus is on the first sentence when the page has loaded.
  await openWorkspace(page, article.id);
  const tab = page.getByRole("tab", { name: /^Suggestions \(\d+\)$/ });
  await expect(tab).not.toHaveText("Suggestions (0)");
  await expect(statement(page, "Over the past weeks")).toBeFocused();
  await keys.press("j");
  await expect(statement(page, "However, senior US officials")).toBeFocused();
  await keys.press("n");

  const list = page.getByRole("list", { name: "Suggestions" });
  const goldTexts = rafahGold.claims.map((c) => c.content.text);
  for (let round = 0; round < 20; round++) {
    const label = (await tab.textContent()) ?? "";
    if (label === "Suggestions (0)") break;
    const focused = list.locator("li:focus");
    await expect(focused).toHaveCount(1);
    // Accept what the gold holds; reject anything else the engine proposes.
    const text = (await focused.textContent()) ?? "";
    await keys.press(goldTexts.some((t) => text.includes(`“${t}”`)) ? "Enter" : "Backspace");
    await expect(tab).not.toHaveText(label);
  }
  await expect(tab).toHaveText("Suggestions (0)");
  testInfo.annotations.push({ type: "keys", description: `${keys.pressed.length}: ${keys.pressed.join(" ")}` });
  expect(keys.pressed.length).toBeLessThanOrEqual(25);

  // Every field the gold records, as the API stores it.
  const stored = await (await apiAs("reviewer")).get(`/api/articles/${article.id}`);
  expect(stored.claims).toHaveLength(rafahGold.claims.length);
  for (const want of rafahGold.claims) {
    const got = stored.claims.find((c: { start: number; end: number }) => c.start === want.content.start);
    expect(got, `claim ${want.id}`).toBeTruthy();
    expect({ id: want.id, start: got.start, end: got.end, text: got.text }).toEqual({ id: want.id, ...want.content });
    expect(got.attributions, want.id).toHaveLength(1);
    const [a] = got.attributions;
    expect({ id: want.id, mode: a.mode, mention: a.mention }).toEqual({
      id: want.id,
      mode: want.mode,
      mention: want.sourceMention,
    });
    // The cue holds the gold's words; circumstance after the verb group may ride along ("have hinted in
    // private talks with Israel"), as the guideline (section 2) and the evaluator allow.
    const covers = want.cue
      ? a.cue !== null && a.cue.start <= want.cue.start && a.cue.end >= want.cue.end
      : a.cue === null;
    expect({ id: want.id, cue: a.cue, gold: want.cue, covers }).toMatchObject({ id: want.id, covers: true });
    expect({ id: want.id, ...sourceFields(a.source) }).toEqual({
      id: want.id,
      ...sourceFields(goldSource(want.source)),
    });
    if (!want.via) expect(a.via, want.id).toBeNull();
    else {
      const via = goldSource(want.via);
      expect({ id: want.id, type: a.via?.type, name: normalizeSourceName(a.via?.name ?? "") }).toEqual({
        id: want.id,
        type: via.type,
        name: normalizeSourceName(via.label),
      });
      // A named via is the newsroom's one record of it, with all its fields.
      if (via.named) expect(sourceFields(a.via)).toEqual(sourceFields(via));
    }
  }
});

test("shortcuts work wherever focus is outside a text field, and focus comes back to the text after panel actions", async ({
  editorPage: page,
  seedArticle,
}) => {
  const article = await seedArticle({
    body: "The minister said the bridge will reopen in May. Engineers disagreed.",
    claims: [{ text: "the bridge will reopen in May", source: { type: "person", name: "Minister" }, cue: "said" }],
  });
  const via = `Wire ${Date.now()}`;
  await openWorkspace(page, article.id);
  // ? from the page as loaded opens the help; Escape closes it.
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(statement(page, "The minister said")).toBeFocused();

  // ] opens the claim; v goes to its via box; choosing a via sends focus back to the text.
  await page.keyboard.press("]");
  await expect(page.getByRole("region", { name: "Claim" })).toBeVisible();
  await page.keyboard.press("v");
  const viaBox = page.getByRole("combobox", { name: "Via (second-hand source)" });
  await expect(viaBox).toBeFocused();
  await viaBox.fill(via);
  await page.keyboard.press("Enter");
  const form = page.getByRole("form", { name: "New source" });
  await form.getByRole("button", { name: "Create source" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Via ${via}` })).toBeVisible();
  await expect(statement(page, "The minister said")).toBeFocused();

  // A shortcut pressed on a panel control (the mode radio) still works: 1 sets the direct quote.
  await page.getByRole("radio", { name: /Partial quote/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Mode: partial quote" })).toBeVisible();
  await expect(statement(page, "The minister said")).toBeFocused();
  await page.getByRole("tab", { name: "Claim" }).focus();
  await page.keyboard.press("1");
  await expect(page.getByRole("status").filter({ hasText: "Mode: direct quote" })).toBeVisible();
  await expect(page.getByRole("radio", { name: /Direct quote/ })).toBeChecked();

  // Typing in a text field is typing: "x" in the note does not delete the claim.
  await page.getByLabel("Note").pressSequentially("x marks the spot");
  await expect(page.getByLabel("Note")).toHaveValue("x marks the spot");
  await expect(page.getByRole("region", { name: "Claim" })).toBeVisible();
  await expect(statements(page).locator("[data-claims]")).not.toHaveCount(0);
});

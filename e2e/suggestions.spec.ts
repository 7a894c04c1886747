import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./fixtures";
import { focusStatement, openWorkspace } from "./fixtures/workspace";

test("suggestions: Enter accepts the focused one, Backspace rejects the next, and both stick", async ({
  editorPage: page,
  apiAs,
  seedArticle,
}) => {
  const article = await seedArticle();
  await openWorkspace(page, article.id);
  const tab = page.getByRole("tab", { name: /Suggestions \(\d+\)/ });
  await expect(tab).not.toHaveText("Suggestions (0)");
  const total = Number((await tab.textContent())!.match(/\d+/)![0]);

  await focusStatement(page, "Over the past weeks");
  await page.keyboard.press("n");
  const list = page.getByRole("list", { name: "Suggestions" });
  const first = list.getByRole("listitem").first();
  await expect(first).toBeFocused();
  const firstName = await first.getAttribute("aria-label");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Accepted:" })).toBeVisible();
  await expect(tab).toHaveText(`Suggestions (${total - 1})`);

  await expect(list.getByRole("listitem").first()).toBeFocused();
  await page.keyboard.press("Backspace");
  await expect(page.getByRole("status").filter({ hasText: "Suggestion rejected" })).toBeVisible();
  await expect(tab).toHaveText(`Suggestions (${total - 2})`);

  await page.reload();
  await expect(page.getByRole("tab", { name: /Suggestions/ })).toHaveText(`Suggestions (${total - 2})`);
  const stored = await (await apiAs("reviewer")).get(`/api/articles/${article.id}`);
  expect(stored.claims).toHaveLength(1);
  expect(firstName).toContain(stored.claims[0].attributions[0].source.name);
});

test("suggestions: an article in a language the engine cannot read says so", async ({
  editorPage: page,
  seedArticle,
}) => {
  const body = readFileSync(
    path.join(process.cwd(), "fixtures/corpus/other-languages/ar-finance-minister-deficit/article.txt"),
    "utf8",
  );
  const article = await seedArticle({ body, language: "ar" });
  await openWorkspace(page, article.id);
  await page.getByRole("tab", { name: /Suggestions/ }).click();
  await expect(page.getByText("No suggestions for Arabic yet.")).toBeVisible();
});

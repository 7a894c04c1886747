import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

const rafah = readFileSync(path.join(process.cwd(), "fixtures/rafah/article.txt"), "utf8");

test("suggestions: Enter accepts the focused one, Backspace rejects the next, and both stick", async ({ page }) => {
  await signIn(page);
  const article = await (
    await page.request.post("/api/articles", { data: { title: `Suggested ${Date.now()}`, body: rafah } })
  ).json();
  await page.goto(`/articles/${article.id}`);
  const tab = page.getByRole("tab", { name: /Suggestions \(\d+\)/ });
  await expect(tab).not.toHaveText("Suggestions (0)");
  const total = Number((await tab.textContent())!.match(/\d+/)![0]);

  await page.locator('[data-statement="0"]').focus();
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
  const stored = await (await page.request.get(`/api/articles/${article.id}`)).json();
  expect(stored.claims).toHaveLength(1);
  expect(firstName).toContain(stored.claims[0].attributions[0].source.name);
});

test("suggestions: an article in a language the engine cannot read says so", async ({ page }) => {
  await signIn(page);
  const arabic = readFileSync(
    path.join(process.cwd(), "fixtures/corpus/other-languages/ar-finance-minister-deficit/article.txt"),
    "utf8",
  );
  const article = await (
    await page.request.post("/api/articles", { data: { title: `Arabic ${Date.now()}`, body: arabic, language: "ar" } })
  ).json();
  await page.goto(`/articles/${article.id}`);
  await page.getByRole("tab", { name: /Suggestions/ }).click();
  await expect(page.getByText("No suggestions for Arabic yet.")).toBeVisible();
});

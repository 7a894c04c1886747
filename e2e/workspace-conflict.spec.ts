import { type Browser, expect, type Page, test } from "@playwright/test";
import { signIn } from "./helpers";

async function editorPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page);
  return page;
}

test("a stale write from a second editor is refused with a clear message and the panel refreshes", async ({
  browser,
}) => {
  const alice = await editorPage(browser);
  const body = `The minister said the bridge will reopen in May. Engineers disagreed.`;
  const post = async (url: string, data: unknown) => {
    const response = await alice.request.post(url, { data });
    expect(response.status(), await response.text()).toBe(201);
    return response.json();
  };
  const article = await post("/api/articles", { title: `Conflict ${Date.now()}`, body });
  const claim = await post("/api/claims", { articleId: article.id, start: 17, end: 48 });
  const source = await post("/api/sources", { type: "person", name: `Minister ${Date.now()}` });
  await post("/api/attributions", {
    claimId: claim.id,
    sourceId: source.id,
    mode: "paraphrase",
    cue: { start: 13, end: 17 },
  });

  const bob = await editorPage(browser);
  for (const page of [alice, bob]) {
    await page.goto(`/articles/${article.id}`);
    await page.locator("[data-claims]").first().click();
    await expect(page.getByRole("radio", { name: /Paraphrase/ })).toBeChecked();
  }

  await alice.getByRole("radio", { name: /Direct quote/ }).check();
  await expect(alice.getByRole("status").filter({ hasText: "Mode: direct quote" })).toBeVisible();

  // Bob still sees version 1 and tries another mode: refused, told why, shown the latest.
  await bob.getByRole("radio", { name: /Partial quote/ }).click();
  await expect(bob.getByRole("alert").filter({ hasText: "changed by someone else" })).toBeVisible();
  await expect(bob.getByRole("radio", { name: /Direct quote/ })).toBeChecked();

  const stored = await (await alice.request.get(`/api/articles/${article.id}`)).json();
  expect(stored.claims[0].attributions[0]).toMatchObject({ mode: "direct_quote", version: 2 });
});

test("a deleted claim comes back with Undo", async ({ page }) => {
  await signIn(page);
  const body = "Officials said talks would resume. Nothing else happened.";
  const article = await (
    await page.request.post("/api/articles", { data: { title: `Undo ${Date.now()}`, body } })
  ).json();
  await page.request.post("/api/claims", { data: { articleId: article.id, start: 15, end: 33 } });
  await page.goto(`/articles/${article.id}`);
  await page.locator("[data-claims]").first().click();
  await page.getByRole("button", { name: /Delete claim/ }).click();
  await expect(page.locator("[data-claims]")).toHaveCount(0);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Claim restored" })).toBeVisible();
  await expect(page.locator("[data-claims]")).toHaveCount(1);
});

test("the help overlay opens with ? and lists the shortcuts", async ({ page }) => {
  await signIn(page);
  await page.getByRole("link", { name: /Rafah/ }).first().click();
  await page.locator('[data-statement="0"]').focus();
  await page.keyboard.press("?");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("take the statement as a claim");
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
});

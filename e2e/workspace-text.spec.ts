import { expect, test } from "./fixtures";
import { openWorkspace, press, statements } from "./fixtures/workspace";

test("a claim's span is widened by keys and narrowed by a drag, keeping its source, cue and mention", async ({
  editorPage: page,
  apiAs,
  seedArticle,
}) => {
  const body = 'The minister said the plan works and "will be finished soon". Engineers disagreed.';
  const article = await seedArticle({
    body,
    claims: [{ text: "the plan works", source: { type: "person", name: "Minister" }, cue: "said" }],
  });
  const [claim] = article.claims;
  await openWorkspace(page, article.id);
  await statements(page).locator(`[data-claims="${claim.id}"]`).first().click();

  // a, then Alt+Shift+→ five times: "… works and "will be finished soon"" (the quote's marks balanced).
  await page.keyboard.press("a");
  await press(page, "Alt+Shift+ArrowRight", 5);
  const span = page.getByRole("region", { name: "New span" });
  await expect(span).toContainText('the plan works and "will be finished soon"');
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Claim span saved" })).toBeVisible();
  const api = await apiAs("reviewer");
  let stored = (await api.get(`/api/articles/${article.id}`)).claims[0];
  expect(stored).toMatchObject({ id: claim.id, text: 'the plan works and "will be finished soon"', version: 2 });
  expect(stored.attributions[0]).toMatchObject({ id: claim.attributionId, cue: { text: "said" } });

  // Adjust span, then drag over "the plan works" (from inside "the" to inside "works"): whole words.
  await page.getByRole("button", { name: /Adjust span/ }).click();
  const box = await page.evaluate((text) => {
    const runs = [...document.querySelectorAll<HTMLElement>("[data-start]")];
    const at = (offset: number) => {
      const run = runs.find(
        (r) => Number(r.dataset.start) <= offset && offset < Number(r.dataset.start) + r.textContent!.length,
      )!;
      const range = document.createRange();
      range.setStart(run.firstChild!, offset - Number(run.dataset.start));
      range.setEnd(run.firstChild!, offset - Number(run.dataset.start) + 1);
      const rect = range.getBoundingClientRect();
      // Whole pixels: a drag between fractional points selects nothing in Chromium.
      return { x: Math.round(rect.left + rect.width / 2), y: Math.round(rect.top + rect.height / 2) };
    };
    const start = text.indexOf("the plan") + 1;
    return { from: at(start), to: at(text.indexOf("works") + 2) };
  }, body);
  await page.mouse.move(box.from.x, box.from.y);
  await page.mouse.down();
  await page.mouse.move(box.to.x, box.to.y, { steps: 8 });
  await page.mouse.up();
  await expect(span).toContainText("the plan works");
  await expect(span).not.toContainText("finished");
  await page.getByRole("button", { name: /Save span/ }).click();
  await expect.poll(async () => (await api.get(`/api/articles/${article.id}`)).claims[0].version).toBe(3);
  stored = (await api.get(`/api/articles/${article.id}`)).claims[0];
  expect(stored).toMatchObject({ text: "the plan works", version: 3 });
  expect(stored.attributions).toHaveLength(1);
  expect(stored.attributions[0].source.name).toBe(claim.source!.name);
});

test('a one-character copy edit ("1.3" → "1.4") adjusts the claim instead of orphaning it', async ({
  editorPage: page,
  apiAs,
  seedGoldArticle,
}) => {
  test.setTimeout(120_000); // the gold article is 30 API calls to seed
  const article = await seedGoldArticle();
  await openWorkspace(page, article.id);
  await page.getByRole("button", { name: "Edit text" }).click();
  const text = page.getByRole("textbox", { name: "Text", exact: true });
  await text.fill((await text.inputValue()).replace("1.3 million", "1.4 million"));
  await page.getByRole("button", { name: "Save text" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 claim adjusted to the edit" })).toContainText(
    "safety of 1.4 million Palestinians",
  );
  await expect(page.getByRole("region", { name: "Orphaned claims" })).toHaveCount(0);
  const stored = await (await apiAs("reviewer")).get(`/api/articles/${article.id}`);
  expect(stored.claims.filter((c: { orphaned: boolean }) => c.orphaned)).toHaveLength(0);
  const c6 = stored.claims.find((c: { text: string }) => c.text.includes("1.4 million"));
  expect(c6.attributions[0].cue.text).toBe("explained");
  // Its words are highlighted as a claim again.
  await expect(statements(page).locator(`[data-claims="${c6.id}"]`).first()).toBeVisible();
});

test("an orphaned claim's cue and mention are no longer drawn", async ({ editorPage: page, apiAs, seedArticle }) => {
  const body = "The minister said the plan was sound. Critics disagreed.";
  const article = await seedArticle({
    body,
    claims: [{ text: "the plan was sound", source: { type: "person", name: "Minister" }, cue: "said" }],
  });
  const api = await apiAs("editor");
  await api.patch(`/api/articles/${article.id}`, { version: 1, body: "The minister said nothing. Critics disagreed." });
  await openWorkspace(page, article.id);
  await expect(page.getByRole("region", { name: "Orphaned claims" })).toBeVisible();
  await expect(statements(page).locator("[data-claims]")).toHaveCount(0);
  await expect(statements(page).locator(".decoration-dotted")).toHaveCount(0);
});

test("in right-to-left text the arrows follow the screen, and a cue can leave out the conjunction و", async ({
  editorPage: page,
  apiAs,
  seedArticle,
}) => {
  const body = "قال المتحدث إن الجيش مستعد. وقال مسؤول كبير إن العملية حتمية في النهاية.";
  const article = await seedArticle({
    body,
    language: "ar",
    claims: [{ text: "العملية حتمية في النهاية", source: { type: "anonymous_individual", name: "مسؤول كبير" } }],
  });
  await openWorkspace(page, article.id);
  await statements(page).locator("[data-claims]").first().click();
  const mark = statements(page).locator(".bg-lime-300");
  // Marking starts next to the claim, on "إن" (just right of it on screen); → moves right, towards the sentence's start.
  await page.keyboard.press("c");
  await expect(mark).toHaveText("إن");
  await page.keyboard.press("ArrowRight");
  await expect(mark).toHaveText("كبير");
  await press(page, "ArrowRight", 2);
  await expect(mark).toHaveText("وقال");
  // Alt+Shift+← moves the mark's right edge left: off the conjunction, onto "قال".
  await page.keyboard.press("Alt+Shift+ArrowLeft");
  await expect(mark).toHaveText("قال");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Cue saved" })).toBeVisible();

  // Shift+← extends towards the left (the reading direction), Shift+→ takes the last word back.
  await page.keyboard.press("m");
  await page.keyboard.press("ArrowRight");
  await expect(mark).toHaveText("كبير");
  await page.keyboard.press("Shift+ArrowRight");
  await expect(mark).toHaveText("كبير");
  await page.keyboard.press("ArrowRight");
  await expect(mark).toHaveText("مسؤول");
  await page.keyboard.press("Shift+ArrowLeft");
  await expect(mark).toHaveText("مسؤول كبير");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Mention saved" })).toBeVisible();
  const stored = await (await apiAs("reviewer")).get(`/api/articles/${article.id}`);
  expect(stored.claims[0].attributions[0]).toMatchObject({ cue: { text: "قال" }, mention: { text: "مسؤول كبير" } });
});

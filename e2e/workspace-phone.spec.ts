import { expect, test } from "./fixtures";
import { openWorkspace, statements } from "./fixtures/workspace";

test.use({ viewport: { width: 390, height: 844 } });

const scrollsSideways = (page: import("@playwright/test").Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

test("on a phone the workspace does not scroll sideways and a tapped claim's panel comes into view", async ({
  editorPage: page,
  seedArticle,
}) => {
  const article = await seedArticle({
    claims: [
      {
        text: "eventually, it is inevitable that Israeli forces will launch an operation of some kind in Rafah",
        source: { type: "anonymous_individual", name: "a third Israeli official" },
      },
    ],
  });
  await openWorkspace(page, article.id);
  expect(await scrollsSideways(page)).toBe(false);
  await statements(page).locator("[data-claims]").first().click();
  await expect(page.getByRole("region", { name: "Claim" })).toBeInViewport();
  expect(await scrollsSideways(page)).toBe(false);
});

test("on a phone the claims explorer shows its results before the filters, without sideways scroll", async ({
  editorPage: page,
  seedGoldArticle,
}) => {
  test.setTimeout(120_000); // the gold article is 30 API calls to seed
  const article = await seedGoldArticle();
  await page.goto(`/claims?articleId=${article.id}`);
  const results = page.getByRole("table", { name: "Claims matching the filters" });
  const filters = page.getByRole("complementary");
  await expect(results).toBeVisible();
  const [table, aside] = await Promise.all([results.boundingBox(), filters.first().boundingBox()]);
  expect(table!.y).toBeLessThan(aside!.y);
  expect(await scrollsSideways(page)).toBe(false);
});

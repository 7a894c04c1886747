import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { goldClaim } from "../tests/support/rafah-gold";
import { expect, test } from "./fixtures";

const ANONYMOUS_GROUP_CLAIMS = ["C2", "C3", "C4", "C5", "C6", "C9"];
const claimText = (id: string) => goldClaim(id).content.text;
const claimsTable = (page: Page) => page.getByRole("table", { name: "Claims matching the filters" });

async function expectAnonymousGroupRows(page: Page) {
  await expect(page.getByRole("status")).toHaveText("6 claims");
  const rows = claimsTable(page).getByRole("row");
  await expect(rows).toHaveCount(1 + ANONYMOUS_GROUP_CLAIMS.length);
  for (const id of ANONYMOUS_GROUP_CLAIMS)
    await expect(claimsTable(page).getByText(claimText(id), { exact: true })).toBeVisible();
  await expect(claimsTable(page).getByText(claimText("C10"), { exact: true })).toHaveCount(0);
  await expect(page.getByRole("checkbox", { name: /^Anonymous group/ })).toBeChecked();
}

test("a reviewer filters claims by source type, shares the view, and downloads the CSV and the report", async ({
  reviewerPage: page,
  adminPage: colleague,
  seedGoldArticle,
}) => {
  const article = await seedGoldArticle();
  await page.goto("/articles");
  await page.getByRole("link", { name: "Claims", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Claims", level: 1 })).toBeVisible();

  // Narrow to the seeded article (other tests add their own), then to anonymous groups.
  await page.goto(`/claims?articleId=${article.id}`);
  await expect(page.getByRole("status")).toHaveText("10 claims");
  await expect(page.getByRole("checkbox", { name: /^Anonymous group/ })).toHaveAccessibleName(/Anonymous group\s*6/);
  await page.getByRole("checkbox", { name: /^Anonymous group/ }).check();
  await expect(page).toHaveURL(/sourceType=anonymous_group/);
  await expectAnonymousGroupRows(page);

  // Back and forward move between the two views.
  await page.goBack();
  await expect(page.getByRole("status")).toHaveText("10 claims");
  await expect(page.getByRole("checkbox", { name: /^Anonymous group/ })).not.toBeChecked();
  await page.goForward();
  await expectAnonymousGroupRows(page);

  // The URL is the view: a colleague signed in elsewhere opening it sees the same rows.
  await colleague.goto(page.url());
  await expectAnonymousGroupRows(colleague);

  // The CSV holds the same six claims, one row per attribution.
  const [csvDownload] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "CSV" }).click(),
  ]);
  expect(csvDownload.suggestedFilename()).toMatch(/^sourcing-report-claims-.*\.csv$/);
  const records: Record<string, string>[] = parse(readFileSync((await csvDownload.path())!, "utf8"), { columns: true });
  expect(records.map((r) => r.text).sort()).toEqual(ANONYMOUS_GROUP_CLAIMS.map(claimText).sort());
  expect(new Set(records.map((r) => r.source_type))).toEqual(new Set(["anonymous_group"]));

  // The sourcing report of the same filter, on screen and as a printable download.
  await page.getByRole("link", { name: "Sourcing report" }).click();
  await expect(page.getByRole("heading", { name: /^Sourcing report/, level: 1 })).toBeVisible();
  await expect(page.getByText("Source type: Anonymous group")).toBeVisible();
  await expect(
    page.getByRole("img", { name: /Claims by mode: Direct quote 0, Partial quote 0, Paraphrase 6/ }),
  ).toBeVisible();
  // Printable HTML opens the print view in a new tab (no download), with dates a person reads.
  const [printView] = await Promise.all([
    page.context().waitForEvent("page"),
    page.getByRole("link", { name: "Printable HTML" }).click(),
  ]);
  await expect(printView.getByRole("heading", { name: /^Sourcing report/, level: 1 })).toBeVisible();
  await expect(printView.locator("blockquote")).toHaveCount(6);
  await expect(printView.getByText(/^Generated \d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2} UTC/)).toBeVisible();
});

test("an article's sourcing report shows the gold figures", async ({ reviewerPage: page, seedGoldArticle }) => {
  const article = await seedGoldArticle();
  await page.goto(`/articles/${article.id}/report`);
  await expect(page.getByRole("heading", { name: `Sourcing report: ${article.title}`, level: 1 })).toBeVisible();
  const total = (label: string) =>
    page
      .locator("dl > div")
      .filter({ has: page.getByRole("term").getByText(label, { exact: true }) })
      .getByRole("definition");
  await expect(total("Sentences")).toHaveText("8");
  await expect(total("Headings")).toHaveText("3");
  await expect(total("Claims")).toHaveText("10");
  await expect(total("Sources")).toHaveText("9");
  await expect(total("Unsourced statements")).toHaveText("0");
  await expect(page.getByText("80%")).toBeVisible();
  await expect(
    page.getByRole("img", { name: /Claims by source type: .*Anonymous individual 2, Anonymous group 6/ }),
  ).toBeVisible();
  await expect(page.locator("ol blockquote")).toHaveCount(10);
});

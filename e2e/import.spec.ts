import { gzipSync } from "node:zlib";
import { expect, test } from "./fixtures";

test("an editor imports an NDJSON file: progress, the bad line and the summary, then the same file again is skipped", async ({
  editorPage: page,
}) => {
  const tag = `e2e-import-${Date.now()}`;
  const lines = [
    ...Array.from({ length: 5 }, (_, i) =>
      JSON.stringify({
        externalId: `${tag}-${i}`,
        title: `Imported story ${i} ${tag}`,
        body: `Imported story ${i}\n\nThe port reopened on Monday, officials said. "It is a relief," a trader said.`,
        url: `https://news.example/${tag}/${i}`,
        publishedAt: "2024-05-01",
      }),
    ),
    '{"title": "No body here"}',
  ];
  await page.goto("/articles");
  await page.getByRole("link", { name: "Import", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Import articles", level: 1 })).toBeVisible();
  await page.getByLabel("NDJSON file (.jsonl, .jsonl.gz)").setInputFiles({
    name: "archive.jsonl.gz",
    mimeType: "application/gzip",
    buffer: gzipSync(lines.join("\n")),
  });
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("status")).toContainText("Created 5, updated 0, skipped 0, failed 1.");
  await expect(page.getByRole("status")).toContainText("Done in");
  await expect(page.getByRole("progressbar", { name: "Share of the file imported" })).toHaveAttribute("value", "1");
  await expect(page.getByRole("list", { name: "Failed lines" })).toContainText("Line 6: body:");

  await page.getByLabel("Articles already here").selectOption("skip");
  await page.getByRole("button", { name: "Import" }).click();
  await expect(page.getByRole("status")).toContainText("Created 0, updated 0, skipped 5, failed 1.");

  await page.goto(`/articles?q=${encodeURIComponent(tag)}`);
  await expect(page.getByRole("link", { name: /Imported story \d/ })).toHaveCount(5);
});

test("a reviewer is told that only editors and admins import", async ({ reviewerPage: page }) => {
  await page.goto("/articles");
  await expect(page.getByRole("heading", { name: "Articles", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Import", exact: true })).toHaveCount(0);
  await page.goto("/articles/import");
  await expect(page.getByText("Only editors and admins can import articles.")).toHaveAttribute("role", "alert");
  await expect(page.getByRole("button", { name: "Import" })).toHaveCount(0);
});

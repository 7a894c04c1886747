import { expect, test, unique } from "./fixtures";
import { statements } from "./fixtures/workspace";

test("an editor uploads a Markdown file as a new article; the title comes from its heading", async ({
  editorPage: page,
}) => {
  await page.goto("/articles");
  await page.getByRole("link", { name: "New article" }).click();
  const heading = unique("Harbour report");
  await page.getByLabel("Load from a file (.txt, .md)").setInputFiles({
    name: "harbour.md",
    mimeType: "text/markdown",
    buffer: Buffer.from(`# ${heading}\r\n\r\nThe harbour master said the quay will reopen. "Soon," she added.\r\n`),
  });
  await expect(page.getByLabel("Title")).toHaveValue(heading);
  await page.getByRole("button", { name: "Add article" }).click();
  await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
  await expect(page.getByText("2 sentences · 1 heading")).toBeVisible();
});

test("a rejected new article keeps everything that was typed", async ({ editorPage: page }) => {
  await page.goto("/articles/new");
  await page.getByLabel("Title").fill("Keeps my text");
  await page.getByRole("textbox", { name: "Text", exact: true }).fill("A long pasted text.");
  await page.getByLabel("URL").fill("ftp://not-http.example");
  await page.getByRole("button", { name: "Add article" }).click();
  await expect(page.getByText("Must be an http(s) URL")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Text", exact: true })).toHaveValue("A long pasted text.");
  await expect(page.getByLabel("Title")).toHaveValue("Keeps my text");
});

test("editing the text re-anchors claims and flags the ones whose words are gone", async ({
  editorPage: page,
  apiAs,
  seedArticle,
}) => {
  const article = await seedArticle({
    body: "The mayor said the bridge is safe. Engineers said the bridge needs work.",
    claims: [{ text: "the bridge is safe" }, { text: "the bridge needs work" }],
  });
  await page.goto(`/articles/${article.id}`);
  await page.getByRole("button", { name: "Edit text" }).click();
  await page
    .getByRole("textbox", { name: "Text", exact: true })
    .fill(`Breaking news.\n\nThe mayor said the bridge is safe. Engineers disagreed.`);
  await page.getByRole("button", { name: "Save text" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 orphaned" })).toBeVisible();
  const orphans = page.getByRole("region", { name: "Orphaned claims" });
  await expect(orphans).toContainText("the bridge needs work");
  await expect(statements(page).locator("[data-claims]")).toHaveText(["the bridge is safe"]);
  const stored = await (await apiAs("reviewer")).get(`/api/articles/${article.id}`);
  const safe = stored.claims.find((c: { text: string }) => c.text === "the bridge is safe");
  expect(stored.body.slice(safe.start, safe.end)).toBe("the bridge is safe");
});

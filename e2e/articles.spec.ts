import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("an editor uploads a Markdown file as a new article; the title comes from its heading", async ({ page }) => {
  await signIn(page);
  await page.getByRole("link", { name: "New article" }).click();
  const heading = `Harbour report ${Date.now()}`;
  await page.getByLabel("Load from a file (.txt, .md)").setInputFiles({
    name: "harbour.md",
    mimeType: "text/markdown",
    buffer: Buffer.from(`# ${heading}\r\n\r\nThe harbour master said the quay will reopen. "Soon," she added.\r\n`),
  });
  await expect(page.getByLabel("Title")).toHaveValue(heading);
  await page.getByRole("button", { name: "Add article" }).click();
  await expect(page.getByRole("heading", { name: heading, level: 1 })).toBeVisible();
  await expect(page.getByText("2 sentences · 1 headings")).toBeVisible();
});

test("a rejected new article keeps everything that was typed", async ({ page }) => {
  await signIn(page);
  await page.goto("/articles/new");
  await page.getByLabel("Title").fill("Keeps my text");
  await page.getByRole("textbox", { name: "Text", exact: true }).fill("A long pasted text.");
  await page.getByLabel("URL").fill("ftp://not-http.example");
  await page.getByRole("button", { name: "Add article" }).click();
  await expect(page.getByText("Must be an http(s) URL")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Text", exact: true })).toHaveValue("A long pasted text.");
  await expect(page.getByLabel("Title")).toHaveValue("Keeps my text");
});

test("editing the text re-anchors claims and flags the ones whose words are gone", async ({ page }) => {
  await signIn(page);
  const body = "The mayor said the bridge is safe. Engineers said the bridge needs work.";
  const article = await (
    await page.request.post("/api/articles", { data: { title: `Edit ${Date.now()}`, body } })
  ).json();
  for (const text of ["the bridge is safe", "the bridge needs work"]) {
    const start = body.indexOf(text);
    const response = await page.request.post("/api/claims", {
      data: { articleId: article.id, start, end: start + text.length },
    });
    expect(response.status()).toBe(201);
  }
  await page.goto(`/articles/${article.id}`);
  await page.getByRole("button", { name: "Edit text" }).click();
  await page
    .getByRole("textbox", { name: "Text", exact: true })
    .fill(`Breaking news.\n\nThe mayor said the bridge is safe. Engineers disagreed.`);
  await page.getByRole("button", { name: "Save text" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 orphaned" })).toBeVisible();
  const orphans = page.getByRole("region", { name: "Orphaned claims" });
  await expect(orphans).toContainText("the bridge needs work");
  await expect(page.locator("[data-claims]")).toHaveText(["the bridge is safe"]);
  const stored = await (await page.request.get(`/api/articles/${article.id}`)).json();
  const safe = stored.claims.find((c: { text: string }) => c.text === "the bridge is safe");
  expect(stored.body.slice(safe.start, safe.end)).toBe("the bridge is safe");
});

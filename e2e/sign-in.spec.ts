import { DEMO_PASSWORD, demoEmail } from "../scripts/demo-data";
import { expect, test, unique } from "./fixtures";
import { statements } from "./fixtures/workspace";

// The one test that types the sign-in form; every other test starts signed in (see fixtures/index.ts).
test("an editor signs in through the form, finds an article and sees its three headings", async ({
  page,
  seedArticle,
}) => {
  const article = await seedArticle();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(demoEmail("editor"));
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Articles", level: 1 })).toBeVisible();

  await page.getByRole("searchbox", { name: "Search" }).fill(article.title);
  await page.getByRole("button", { name: "Filter" }).click();
  await page.getByRole("link", { name: article.title }).click();
  await expect(page.getByRole("heading", { name: article.title, level: 1 })).toBeVisible();
  await expect(statements(page).getByRole("group", { name: "Heading" })).toHaveText([
    "Strategic Shift in Tackling Hamas",
    "Operational Considerations and Civilian Safety",
    "Potential Conditions on US Military Assistance",
  ]);
  await expect(page.getByText("8 sentences · 3 headings")).toBeVisible();
});

test("a wrong password shows an error and stays on the sign-in page", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(demoEmail("editor"));
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "wrong" })).toHaveText("The email or password is wrong");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("pages need a signed-in user", async ({ page }) => {
  await page.goto("/articles");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("an editor adds an article by pasting text, including markup that must stay text", async ({
  editorPage: page,
}) => {
  await page.goto("/articles");
  await page.getByRole("link", { name: "New article" }).click();
  const title = unique("Pasted");
  await page.getByLabel("Title").fill(title);
  await page
    .getByRole("textbox", { name: "Text", exact: true })
    .fill('Quick Update\n\nThe mayor said <img src=x onerror="window.hacked=1"> is fine. "We agree," aides said.');
  await page.getByRole("button", { name: "Add article" }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(statements(page).getByRole("group", { name: "Heading" })).toHaveText("Quick Update");
  await expect(page.getByText('<img src=x onerror="window.hacked=1">', { exact: false })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
});

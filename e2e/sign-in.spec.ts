import { expect, test } from "@playwright/test";
import { DEMO_ARTICLE_TITLE, signIn } from "./helpers";

test("an editor signs in, opens the demo article and sees its three headings", async ({ page }) => {
  await signIn(page);
  await page.getByRole("link", { name: DEMO_ARTICLE_TITLE }).first().click();
  await expect(page.getByRole("heading", { name: DEMO_ARTICLE_TITLE, level: 1 })).toBeVisible();
  const headings = page.getByRole("heading", { level: 2 });
  await expect(headings).toHaveText([
    "Strategic Shift in Tackling Hamas",
    "Operational Considerations and Civilian Safety",
    "Potential Conditions on US Military Assistance",
  ]);
  await expect(page.getByText("8 sentences · 3 headings")).toBeVisible();
});

test("a wrong password shows an error and stays on the sign-in page", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("editor@sourcedesk.local");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "wrong" })).toHaveText("The email or password is wrong");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("pages need a signed-in user", async ({ page }) => {
  await page.goto("/articles");
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("an editor adds an article by pasting text, including markup that must stay text", async ({ page }) => {
  await signIn(page);
  await page.getByRole("link", { name: "New article" }).click();
  const title = `Pasted ${Date.now()}`;
  await page.getByLabel("Title").fill(title);
  await page
    .getByRole("textbox", { name: "Text", exact: true })
    .fill('Quick Update\n\nThe mayor said <img src=x onerror="window.hacked=1"> is fine. "We agree," aides said.');
  await page.getByRole("button", { name: "Add article" }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Quick Update", level: 2 })).toBeVisible();
  await expect(page.getByText('<img src=x onerror="window.hacked=1">', { exact: false })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
});

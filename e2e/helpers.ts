import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "sourcedesk-demo";
export const DEMO_ARTICLE_TITLE = "US may back a limited operation in Rafah, officials say";

export async function signIn(page: Page, email = "editor@sourcedesk.local", password = DEMO_PASSWORD) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Articles", level: 1 })).toBeVisible();
}

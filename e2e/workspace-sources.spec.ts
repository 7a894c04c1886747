import { expect, test } from "./fixtures";
import { openWorkspace, statements } from "./fixtures/workspace";

test("Enter in the source picker acts on the results for what was typed, never on the list shown before", async ({
  editorPage: page,
  seedArticle,
  seedSource,
}) => {
  // This article already uses a named source, so it heads the list before anything is typed.
  const article = await seedArticle({
    claims: [
      {
        text: "it opposes any invasion of the city of Rafah",
        source: { type: "organization", name: "the United States" },
      },
      { text: "the army is still studying proposals and plans" },
    ],
  });
  const wanted = await seedSource({ type: "organization", name: "Israeli army" });
  // Searches answer slowly, as on a busy server: the list for "" is still shown when Enter comes.
  await page.route("**/api/sources?*", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 800));
    await route.continue();
  });
  await openWorkspace(page, article.id);
  await statements(page).locator(`[data-claims="${article.claims[1].id}"]`).first().click();
  const box = page.getByRole("combobox", { name: "Who said it? (source)" });
  await box.click();
  const options = page.getByRole("listbox", { name: "Who said it? (source)" }).getByRole("option");
  await expect(options.first()).toContainText(article.claims[0].source!.name);

  // Typed and Enter at once: the claim goes to the source named so, not to the first one listed.
  await box.pressSequentially(wanted.name);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: `Attributed to ${wanted.name}` })).toBeVisible();
  const attribution = page.getByRole("group", { name: `Attribution to ${wanted.name}` });
  await expect(attribution).toBeVisible();

  // A name nobody has yet: Enter opens "Create new" with the typed words, attributing nothing.
  await page.getByRole("combobox", { name: "Add another source" }).pressSequentially("two Israeli officials");
  await page.keyboard.press("Enter");
  const form = page.getByRole("form", { name: "New source" });
  await expect(form.getByLabel("Descriptor as written")).toHaveValue("two Israeli officials");
  await expect(page.getByRole("group", { name: /^Attribution to / })).toHaveCount(1);
});

test("the source list ranks the exact name first, shows where anonymous sources were used, and is not clipped", async ({
  editorPage: page,
  seedArticle,
  seedSource,
}) => {
  const place = `Zembla${Date.now().toString(36)}`;
  const other = await seedArticle({
    title: `Elsewhere ${place}`,
    claims: [
      { text: "two Israeli officials explained", source: { type: "anonymous_group", name: `${place} officials` } },
    ],
  });
  for (const name of [`A ${place} States aide`, `An ${place} States envoy`, `Analysts of ${place} States`])
    await seedSource({ type: "anonymous_group", name, affiliation: `${place} States government` });
  const exact = await seedSource({ type: "organization", name: `the ${place} States` });
  const article = await seedArticle({ claims: [{ text: "it opposes any invasion of the city of Rafah" }] });
  await openWorkspace(page, article.id);
  await statements(page).locator("[data-claims]").first().click();
  const box = page.getByRole("combobox", { name: "Who said it? (source)" });
  await box.pressSequentially(`${place} States`);
  const options = page.getByRole("listbox", { name: "Who said it? (source)" }).getByRole("option");
  await expect(options.first()).toContainText(exact.name);
  // Every option is on screen: the list flows in the panel instead of floating clipped inside it.
  for (const option of await options.all()) await expect(option).toBeInViewport();

  await box.fill(`${place} officials`);
  const anonymous = options.filter({ hasText: `${place} officials` }).filter({ hasNotText: "Create new source" });
  await expect(anonymous).toContainText(`in “${other.title}”`);
  await expect(anonymous).toContainText(/\d{1,2} [A-Z][a-z]{2} \d{4}/);
});

import { expect, test } from "./fixtures";
import { focusStatement, openWorkspace, statements } from "./fixtures/workspace";

test("a stale write from a second editor is refused with a clear message and the panel refreshes", async ({
  pageAs,
  apiAs,
  seedArticle,
}) => {
  const article = await seedArticle({
    body: "The minister said the bridge will reopen in May. Engineers disagreed.",
    claims: [
      {
        text: "the bridge will reopen in May",
        source: { type: "person", name: "Minister" },
        mode: "paraphrase",
        cue: "said",
      },
    ],
  });
  const [alice, bob] = await Promise.all([pageAs("editor"), pageAs("editor")]);
  for (const page of [alice, bob]) {
    await openWorkspace(page, article.id);
    await statements(page).locator("[data-claims]").first().click();
    await expect(page.getByRole("radio", { name: /Paraphrase/ })).toBeChecked();
  }

  await alice.getByRole("radio", { name: /Direct quote/ }).check();
  await expect(alice.getByRole("status").filter({ hasText: "Mode: direct quote" })).toBeVisible();

  // Bob still sees version 1 and tries another mode: refused, told why, shown the latest.
  await bob.getByRole("radio", { name: /Partial quote/ }).click();
  await expect(bob.getByRole("alert").filter({ hasText: "changed by someone else" })).toBeVisible();
  await expect(bob.getByRole("radio", { name: /Direct quote/ })).toBeChecked();

  const stored = await (await apiAs("reviewer")).get(`/api/articles/${article.id}`);
  expect(stored.claims[0].attributions[0]).toMatchObject({ mode: "direct_quote", version: 2 });
});

test("two editors changing different fields of one attribution both keep their text; a real collision says what collided", async ({
  pageAs,
  apiAs,
  seedArticle,
}) => {
  const article = await seedArticle({
    body: "The minister said the bridge will reopen in May. Engineers disagreed.",
    claims: [{ text: "the bridge will reopen in May", source: { type: "person", name: "Minister" }, cue: "said" }],
  });
  const [alice, bob] = await Promise.all([pageAs("editor"), pageAs("editor")]);
  for (const page of [alice, bob]) {
    await openWorkspace(page, article.id);
    await statements(page).locator("[data-claims]").first().click();
    await expect(page.getByRole("radio", { name: /Paraphrase/ })).toBeChecked();
  }
  // Alice changes the mode; Bob, still on the old version, types a note and leaves the field.
  await alice.getByRole("radio", { name: /Direct quote/ }).check();
  await expect(alice.getByRole("status").filter({ hasText: "Mode: direct quote" })).toBeVisible();
  await bob.getByLabel("Note").fill("Confirmed by phone with the ministry");
  await bob.getByLabel("Note").blur();
  await expect(
    bob.getByRole("status").filter({ hasText: "Note saved, on top of someone else's change to the mode" }),
  ).toBeVisible();
  await expect(bob.getByRole("radio", { name: /Direct quote/ })).toBeChecked();
  const api = await apiAs("reviewer");
  expect((await api.get(`/api/articles/${article.id}`)).claims[0].attributions[0]).toMatchObject({
    mode: "direct_quote",
    note: "Confirmed by phone with the ministry",
  });

  // Both write the note: Bob is told exactly what collided, his text stays, and he can save it over hers.
  await alice.reload();
  await statements(alice).locator("[data-claims]").first().click();
  await alice.getByLabel("Note").fill("Alice checked the transcript");
  await bob.getByLabel("Note").fill("Bob called the ministry again");
  await alice.getByLabel("Note").blur();
  await expect(alice.getByRole("status").filter({ hasText: "Note saved" })).toBeVisible();
  await bob.getByLabel("Note").blur();
  await expect(bob.getByRole("alert").filter({ hasText: "The note was changed by someone else" })).toContainText(
    "now “Alice checked the transcript”; yours: “Bob called the ministry again”",
  );
  await expect(bob.getByLabel("Note")).toHaveValue("Bob called the ministry again");
  await bob.getByRole("button", { name: "Save note" }).click();
  await expect
    .poll(async () => (await api.get(`/api/articles/${article.id}`)).claims[0].attributions[0].note)
    .toBe("Bob called the ministry again");
});

test("a deleted claim comes back with Undo", async ({ editorPage: page, seedArticle }) => {
  const article = await seedArticle({
    body: "Officials said talks would resume. Nothing else happened.",
    claims: [{ text: "talks would resume" }],
  });
  await openWorkspace(page, article.id);
  const claims = statements(page).locator("[data-claims]");
  await claims.first().click();
  await page.getByRole("button", { name: /Delete claim/ }).click();
  await expect(claims).toHaveCount(0);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Claim restored" })).toBeVisible();
  await expect(claims).toHaveCount(1);
});

test("the help overlay opens with ? and lists the shortcuts", async ({ editorPage: page, seedArticle }) => {
  const article = await seedArticle();
  await openWorkspace(page, article.id);
  await focusStatement(page, "Over the past weeks");
  await page.keyboard.press("?");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("take the statement as a claim");
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
});

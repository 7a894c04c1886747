import { parse } from "csv-parse/sync";
import { expect, test } from "./fixtures";
import { openWorkspace, statements } from "./fixtures/workspace";

test("a reviewer's send-back comment and claim flag reach the editor: banner, marker, history, explorer link, CSV", async ({
  reviewerPage: reviewer,
  editorPage: editor,
  apiAs,
  seedGoldArticle,
}) => {
  test.setTimeout(120_000);
  const article = await seedGoldArticle();
  const api = await apiAs("editor");
  await api.post(`/api/articles/${article.id}/status`, { status: "in_review", version: 1 });
  const c8 = (await api.get(`/api/articles/${article.id}`)).claims.find((c: { text: string }) =>
    c.text.startsWith("At the end of the day"),
  );

  // The reviewer flags C8 with a comment and sends the article back with another.
  await openWorkspace(reviewer, article.id);
  await statements(reviewer).locator(`[data-claims="${c8.id}"]`).first().click();
  await reviewer.getByLabel("Review comment").fill("One official is not enough for this");
  await reviewer.getByRole("button", { name: "Flag claim" }).click();
  await expect(reviewer.getByRole("status").filter({ hasText: "Claim flagged" })).toBeVisible();
  await reviewer.getByRole("group", { name: "Article status" }).getByLabel("Comment").fill("C8 needs a second source");
  await reviewer.getByRole("button", { name: "Send back" }).click();
  await expect(reviewer.getByRole("status").filter({ hasText: "Article is now draft" })).toBeVisible();

  // The editor finds the claim in the explorer; its row opens the article with the claim selected.
  await editor.goto(`/claims?articleId=${article.id}&reviewStatus=flagged`);
  await editor.getByRole("link", { name: /^At the end of the day/ }).click();
  await expect(editor).toHaveURL(new RegExp(`/articles/${article.id}\\?claim=${c8.id}$`));
  const feedback = editor.getByRole("region", { name: "Review feedback" });
  await expect(feedback).toContainText("Demo Reviewer sent back to draft: “C8 needs a second source”");
  await expect(feedback).toContainText("1 claim flagged");
  await expect(editor.getByRole("region", { name: "Claim" })).toContainText("One official is not enough for this");
  await expect(
    statements(editor).getByRole("img", { name: "Flagged by review: One official is not enough for this" }),
  ).toBeVisible();
  await expect(statements(editor).getByRole("option", { selected: true })).toContainText("At the end of the day");

  await editor.getByRole("tab", { name: "History" }).click();
  const history = editor.getByRole("list", { name: "History" });
  await expect(history.getByRole("listitem").first()).toContainText(
    "Demo Reviewer sent back to draft: “C8 needs a second source”",
  );
  await expect(history).toContainText("Demo Reviewer flagged a claim: “One official is not enough for this”");

  const csv = await (await editor.request.get(`/api/articles/${article.id}/report?format=csv`)).text();
  const rows: Record<string, string>[] = parse(csv, { columns: true });
  expect(rows.find((r) => r.claim_id === c8.id)).toMatchObject({
    review_status: "flagged",
    review_comment: "One official is not enough for this",
  });
});

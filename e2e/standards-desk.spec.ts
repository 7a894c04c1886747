import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, unique } from "./fixtures";
import type { Api } from "./fixtures/api";

/** One story with a named and an anonymous source, each on one sentence, through the real API. */
async function seedStory(api: Api, story: { title: string; desk: string; publishedAt: string }, token = "") {
  const body = "The minister said the bridge is safe. Officials said it was not. Nobody else spoke.";
  const article = await api.post("/api/articles", { ...story, body, outlet: "E2E Daily" });
  // `token` in both names lets a test's search select its own claims (the e2e database is kept).
  const person = await api.post("/api/sources", {
    type: "person",
    name: `${unique("Minister")} ${token}`,
    gender: "woman",
  });
  const anonymous = await api.post("/api/sources", { type: "anonymous_group", name: `officials ${token}` });
  for (const [sentence, source] of [
    [article.statements[0], person],
    [article.statements[1], anonymous],
  ]) {
    const claim = await api.post("/api/claims", { articleId: article.id, start: sentence.start, end: sentence.end });
    await api.post("/api/attributions", { claimId: claim.id, sourceId: source.id, mode: "paraphrase" });
  }
  return { article, person };
}

test("the trends page charts the claims of a filter and breaks them down by desk", async ({
  editorPage: page,
  apiAs,
}) => {
  const editor = await apiAs("editor");
  const desk = unique("desk").replace(" ", "-");
  // A year no other test uses, and a search for this run's sources: exactly these stories' claims.
  const token = unique("run").replace(" ", "");
  await seedStory(editor, { title: unique("Trend A"), desk, publishedAt: "1911-02-03" }, token);
  await seedStory(editor, { title: unique("Trend B"), desk: `${desk}-b`, publishedAt: "1911-04-05" }, token);

  await page.goto(`/trends?from=1911-01-01&to=1911-12-31&q=${token}`);
  await expect(page.getByRole("heading", { name: "Trends", level: 1 })).toBeVisible();
  await expect(page.getByText("4 claims over 12 months")).toBeVisible();
  const anonymous = page.getByRole("region", { name: "Claims resting only on anonymous sources" });
  await expect(anonymous.locator("svg").first()).toBeVisible();
  await expect(anonymous.getByRole("row", { name: /Feb 1911/ })).toContainText("50% (1/2)");
  await expect(
    page.getByRole("region", { name: "Quoted named people by gender" }).getByRole("row", { name: /Apr 1911/ }),
  ).toContainText("100% (1)");
  // Streamed in after the counts: the distinct sources and the policy checks.
  await expect(
    page
      .getByRole("region", { name: "Anonymous sources with no stated reason" })
      .getByRole("row", { name: /Feb 1911/ }),
  ).toBeVisible();
  await expect(page.getByRole("region", { name: "Policy checks" })).toBeVisible();
  await expect(page.getByText(/^Counting /)).toHaveCount(0);

  await page.getByLabel("Break down by").selectOption("desk");
  await page.getByRole("button", { name: "Show trends" }).click();
  await expect(page).toHaveURL(/by=desk/);
  const table = page.getByRole("region", { name: "Claims resting only on anonymous sources" }).getByRole("table");
  await expect(table.getByRole("columnheader", { name: desk, exact: true })).toBeVisible();
  await expect(table.getByRole("columnheader", { name: `${desk}-b` })).toBeVisible();
  const csv = await page.request.get(
    (await page.getByRole("link", { name: "Download the series (CSV)" }).getAttribute("href")) ?? "",
  );
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(await csv.text()).toContain(`1911-02-01,${desk},2,2,1,0.5,`);
});

test.describe("the transparency card embedded in another origin's page", () => {
  let other: Server;
  let pageHtml = "";

  test.beforeAll(async () => {
    other = createServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      res.end(pageHtml);
    });
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
  });
  test.afterAll(() => new Promise<void>((resolve) => other.close(() => resolve())));

  test("shows the card of an approved article inside an iframe, with the embedding site's accent", async ({
    page,
    editorPage,
    apiAs,
    baseURL,
  }) => {
    const title = unique("Embedded story");
    const editor = await apiAs("editor");
    const { article, person } = await seedStory(editor, { title, desk: "world", publishedAt: "2026-01-02" });
    const review = await editor.post(`/api/articles/${article.id}/status`, { status: "in_review", version: 1 });
    const approved = await (await apiAs("reviewer")).post(`/api/articles/${article.id}/status`, {
      status: "approved",
      version: review.version,
    });

    // The snippet an editor copies from the report page.
    await editorPage.goto(`/articles/${article.id}/report`);
    const snippet = await editorPage.getByLabel("Embed code").inputValue();
    expect(snippet).toContain(`/t/${approved.publicId}/embed`);

    const port = (other.address() as AddressInfo).port;
    const src = `${baseURL}/t/${approved.publicId}/embed?accent=%23aa0000`;
    pageHtml = `<!doctype html><html lang="en"><head><title>Another site</title></head><body><h1>Another site</h1>${snippet.replace(/src="[^"]+"/, `src="${src}"`)}</body></html>`;
    // `page` is signed out: a reader with no session anywhere.
    await page.goto(`http://127.0.0.1:${port}/`);
    const card = page.frameLocator("iframe");
    await expect(card.getByRole("heading", { name: title })).toBeVisible();
    await expect(card.getByText(person.name)).toBeVisible();
    await expect(card.getByText("no reason was recorded")).toBeVisible();
    const accent = await card
      .getByRole("heading", { name: "Named sources" })
      .evaluate((h) => getComputedStyle(h).color);
    expect(accent).toBe("rgb(170, 0, 0)");
  });
});

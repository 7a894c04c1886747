import { readdirSync } from "node:fs";
import path from "node:path";
import { type Page, request } from "@playwright/test";
import { DEMO_PASSWORD, demoEmail } from "../scripts/demo-data";
import { expect, test } from "./fixtures";
import { loopbackAddress, postFrom } from "./support/post-from";

const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
/** A made-up X-Forwarded-For value: the server must ignore it (no trusted proxies in e2e). */
const address = () => `203.0.113.${Math.floor(Math.random() * 250) + 1}-${stamp()}`;
const FOREIGN = "https://evil.example";

async function expectError(response: { status(): number; json(): Promise<unknown> }, status: number, code: string) {
  expect(response.status()).toBe(status);
  expect(await response.json()).toEqual({ error: { code, message: expect.any(String) } });
}

test.describe("sessions", () => {
  test("the session cookie is httpOnly, SameSite=Lax, Secure in production, and invisible to scripts", async ({
    reviewerPage: page,
    baseURL,
  }) => {
    const api = await request.newContext({ baseURL });
    const response = await api.post("/api/session", {
      data: { email: demoEmail("reviewer"), password: DEMO_PASSWORD },
    });
    expect(response.status()).toBe(200);
    const setCookie = response
      .headersArray()
      .filter((h) => h.name.toLowerCase() === "set-cookie")
      .map((h) => h.value)
      .find((v) => v.startsWith("sd_session="));
    expect(setCookie).toBeDefined();
    expect(setCookie).toMatch(/;\s*HttpOnly/i);
    expect(setCookie).toMatch(/;\s*SameSite=Lax/i);
    expect(setCookie).toMatch(/;\s*Secure/i); // `npm start` runs with NODE_ENV=production
    expect(setCookie).toMatch(/;\s*Path=\//i);
    expect(await response.json()).toEqual({
      user: expect.objectContaining({ email: demoEmail("reviewer"), role: "reviewer" }),
    });
    await api.dispose();

    await page.goto("/articles");
    const cookie = (await page.context().cookies()).find((c) => c.name === "sd_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: true });
    expect(await page.evaluate(() => document.cookie)).not.toContain("sd_session");
  });

  test("sign-in is limited per account and socket address; a forged X-Forwarded-For changes nothing", async ({
    baseURL,
    apiAs,
  }) => {
    test.setTimeout(120_000); // the account's progressive delay (shortened in playwright.config.ts): ~5 s of waits, then 2 s
    const email = `limited-${stamp()}@test.local`;
    await (await apiAs("admin")).post("/api/users", {
      email,
      name: "Limited",
      role: "editor",
      password: "right password",
    });
    const attacker = loopbackAddress();
    for (let i = 0; i < 10; i++) {
      const answer = await postFrom(
        baseURL!,
        attacker,
        "/api/session",
        { email, password: `wrong ${i}` },
        {
          "x-forwarded-for": address(),
        },
      );
      expect(answer.status).toBe(401);
    }
    const blocked = await postFrom(
      baseURL!,
      attacker,
      "/api/session",
      { email, password: "right password" },
      {
        "x-forwarded-for": address(),
      },
    );
    expect(blocked).toMatchObject({ status: 429, json: { error: { code: "rate_limited" } }, setCookie: false });
    // Not locked out: the real user, from their own address, gets in (slowed down a little).
    const real = await postFrom(baseURL!, loopbackAddress(), "/api/session", { email, password: "right password" });
    expect(real).toMatchObject({ status: 200, setCookie: true });
  });

  test("sign-in is rate-limited per socket address across accounts", async ({ baseURL }) => {
    test.setTimeout(120_000); // 50 deliberately slow (scrypt) failures
    const from = loopbackAddress();
    for (let i = 0; i < 50; i++) {
      const answer = await postFrom(
        baseURL!,
        from,
        "/api/session",
        {
          email: `nobody-${i}-${stamp()}@test.local`,
          password: "guess",
        },
        { "x-forwarded-for": address() },
      );
      expect(answer.status).toBe(401);
    }
    const demo = { email: demoEmail("editor"), password: DEMO_PASSWORD };
    expect((await postFrom(baseURL!, from, "/api/session", demo)).status).toBe(429);
    // The account itself is not locked: the same person from elsewhere gets in.
    expect((await postFrom(baseURL!, loopbackAddress(), "/api/session", demo)).status).toBe(200);
  });
});

test.describe("cross-origin writes", () => {
  test("server actions refuse a post from a foreign Origin; the same post from our origin runs", async ({
    editorPage: page,
    baseURL,
  }) => {
    await page.goto("/articles/new");
    const title = `CSRF probe ${stamp()}`;
    await page.getByLabel("Title").fill(title);
    await page.getByRole("textbox", { name: "Text", exact: true }).fill("One sentence here. Another one follows.");
    const [action] = await Promise.all([
      page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"])),
      page.getByRole("button", { name: "Add article" }).click(),
    ]);
    await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
    const count = async () =>
      (await (await page.request.get(`/api/articles?q=${encodeURIComponent(title)}`)).json()).items.length as number;
    expect(await count()).toBe(1);

    // Replay the browser's own request (same cookie, action id and form) with only the Origin changed.
    const sent = action.headers();
    const replay = (origin: string) =>
      page.request.post(action.url(), {
        headers: {
          origin,
          "content-type": sent["content-type"],
          "next-action": sent["next-action"],
          accept: sent.accept ?? "text/x-component",
          ...(sent["next-router-state-tree"] ? { "next-router-state-tree": sent["next-router-state-tree"] } : {}),
        },
        data: action.postDataBuffer()!,
        maxRedirects: 0,
      });
    const forged = await replay(FOREIGN);
    expect(forged.status()).toBeGreaterThanOrEqual(400);
    expect(await count()).toBe(1);
    const forgedNull = await replay("null");
    expect(forgedNull.status()).toBeGreaterThanOrEqual(400);
    expect(await count()).toBe(1);
    await replay(new URL(baseURL!).origin);
    await expect.poll(count).toBe(2); // the replay itself works: only the Origin made the difference
  });

  test("API writes with the session cookie refuse a foreign Origin; tokens are not affected", async ({
    editorPage: page,
    baseURL,
  }) => {
    const data = (name: string) => ({ data: { type: "organization", name } });
    await expectError(
      await page.request.post("/api/sources", { ...data(`Forged ${stamp()}`), headers: { origin: FOREIGN } }),
      403,
      "forbidden",
    );
    await expectError(
      await page.request.post("/api/sources", { ...data(`Forged ${stamp()}`), headers: { origin: "null" } }),
      403,
      "forbidden",
    );
    expect(
      (
        await page.request.post("/api/sources", {
          ...data(`Same origin ${stamp()}`),
          headers: { origin: new URL(baseURL!).origin },
        })
      ).status(),
    ).toBe(201);
    expect((await page.request.post("/api/sources", data(`No origin ${stamp()}`))).status()).toBe(201);

    const me = (await (await page.request.get("/api/session")).json()).user;
    const token = await page.request.post(`/api/users/${me.id}/tokens`, {
      data: { name: `e2e ${stamp()}` },
      headers: { origin: new URL(baseURL!).origin },
    });
    expect(token.status()).toBe(201);
    const bearer = await request.newContext({
      baseURL,
      extraHTTPHeaders: { authorization: `Bearer ${(await token.json()).token}`, origin: FOREIGN },
    });
    expect((await bearer.post("/api/sources", data(`Token ${stamp()}`))).status()).toBe(201);
    await bearer.dispose();

    await expectError(
      await page.request.post("/api/session", {
        data: { email: demoEmail("editor"), password: DEMO_PASSWORD },
        headers: { origin: FOREIGN },
      }),
      403,
      "forbidden",
    );
  });
});

test.describe("hostile text renders as text", () => {
  const PAYLOADS = {
    title: `<script>window.__xss="title"</script><img src=x onerror="window.__xss='title-img'">`,
    script: `<script>window.__xss="body"</script>`,
    img: `<img src=x onerror="window.__xss='body-img'">`,
    source: `<b onmouseover="window.__xss='source'">Mallory</b>`,
    note: `<svg onload="window.__xss='note'">`,
  };

  async function expectNothingRan(page: Page, visible: string[]) {
    for (const text of visible) await expect(page.getByText(text, { exact: false }).first()).toBeVisible();
    const source = page.getByText(PAYLOADS.source, { exact: false }).first();
    if (await source.count()) await source.hover();
    expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
    expect(await page.locator("img[src='x'], b[onmouseover], svg[onload]").count()).toBe(0);
  }

  test("markup in titles, article text, source names and notes shows literally on every page and runs nothing", async ({
    reviewerPage: page,
    apiAs,
  }) => {
    const suffix = stamp();
    const api = await apiAs("editor");
    const body = `Officials said ${PAYLOADS.script} talks resume.\n\n"We will ${PAYLOADS.img} win," the minister said.`;
    const article = await api.post("/api/articles", { title: `${PAYLOADS.title} ${suffix}`, body, language: "en" });
    const source = await api.post("/api/sources", {
      type: "person",
      name: `${PAYLOADS.source} ${suffix}`,
      affiliation: PAYLOADS.note,
    });
    const start = body.indexOf('"We will');
    const claim = await api.post("/api/claims", { articleId: article.id, start, end: body.indexOf(" the minister") });
    const said = body.lastIndexOf("said");
    await api.post("/api/attributions", {
      claimId: claim.id,
      sourceId: source.id,
      mode: "direct_quote",
      cue: { start: said, end: said + 4 },
      note: PAYLOADS.note,
    });

    page.on("dialog", (dialog) => {
      throw new Error(`a script opened a dialog: ${dialog.message()}`);
    });

    await page.goto(`/articles?q=${encodeURIComponent(suffix)}`);
    await expectNothingRan(page, [PAYLOADS.title]);

    await page.goto(`/articles/${article.id}`);
    await expectNothingRan(page, [PAYLOADS.title, PAYLOADS.script, PAYLOADS.img]);
    await page.getByRole("tab", { name: "sources" }).click();
    await expectNothingRan(page, [PAYLOADS.source]);

    await page.goto(`/claims?articleId=${article.id}`);
    await expectNothingRan(page, [PAYLOADS.img, PAYLOADS.source]);

    await page.goto(`/articles/${article.id}/report`);
    await expectNothingRan(page, [PAYLOADS.img, PAYLOADS.source]);

    await page.goto(`/reports?articleId=${article.id}`);
    await expectNothingRan(page, [PAYLOADS.img]);

    // The HTML export is served from our origin: it must escape too.
    await page.goto(`/api/articles/${article.id}/report?format=html`);
    await expectNothingRan(page, [PAYLOADS.img, PAYLOADS.source]);
  });
});

test("every page sends a signed-out visitor to the sign-in page", async ({ baseURL }) => {
  const appDir = path.join(process.cwd(), "app");
  const pages = readdirSync(appDir, { recursive: true, encoding: "utf8" })
    .filter((f) => path.basename(f) === "page.tsx")
    .map((f) =>
      `/${path
        .dirname(f)
        .split(path.sep)
        .filter((p) => p !== ".")
        .join("/")}`.replace(/\[id\]/g, "00000000-0000-0000-0000-000000000000"),
    )
    .filter((p) => p !== "/sign-in");
  expect(pages).toContain("/admin/users");
  const anonymous = await request.newContext({ baseURL });
  for (const pagePath of pages) {
    const response = await anonymous.get(pagePath);
    expect(new URL(response.url()).pathname, pagePath).toBe("/sign-in");
  }
  await anonymous.dispose();
});

test("hostile addresses get a page or a 4xx, never a server error", async ({ reviewerPage: page }) => {
  for (const path of [
    "/articles?q=%00",
    "/articles?cursor=%00",
    "/articles?cursor=not-a-cursor",
    "/articles?status=%F0%9F%98%80",
    "/claims?q=%00",
    "/claims?cursor=not-a-cursor&sort=oldest",
    "/claims?from=2024-02-30",
    "/reports?q=%00&affiliation=%00",
    "/articles/not-a-uuid",
    "/articles/00000000-0000-0000-0000-000000000000",
    "/articles/00000000-0000-0000-0000-000000000000/report",
    "/admin/users?x=%00",
    "/api/articles?q=%00",
    "/api/claims?cursor=%00",
    "/api/articles/00000000-0000-0000-0000-000000000000/history?cursor=9999999999999999999",
  ]) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBeLessThan(500);
  }
});

test.describe("admin", () => {
  test("an admin creates a user, changes their role, and issues a token shown once that stops working when revoked", async ({
    adminPage: page,
    baseURL,
  }) => {
    await page.goto("/articles");
    await page.getByRole("link", { name: "Admin" }).click();
    await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();

    const email = `new-${stamp()}@test.local`;
    const form = page.getByRole("region", { name: "New user" });
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Name").fill("Nadia New");
    await form.getByLabel("Role").selectOption("editor");
    await form.getByLabel("Initial password").fill("short");
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(form.getByText("Passwords need at least 8 characters")).toBeVisible();
    await form.getByLabel("Initial password").fill("a long enough password");
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(form.getByRole("status")).toHaveText(`Created ${email}`);
    await expect(page.getByText(email, { exact: true })).toBeVisible();

    await page.getByLabel(`Role for ${email}`, { exact: true }).selectOption("reviewer");
    await page.getByRole("button", { name: `Save role for ${email}` }).click();
    await expect(page.getByRole("status").filter({ hasText: `${email} is now reviewer` })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel(`Role for ${email}`, { exact: true })).toHaveValue("reviewer");

    await page.getByLabel(`New token name for ${email}`).fill("CMS import");
    await page.getByLabel(`New token name for ${email}`).press("Enter");
    const secret = page.getByLabel(/New token “CMS import”/);
    await expect(secret).toHaveValue(/^sdt_/);
    const token = await secret.inputValue();
    const bearer = await request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
    expect((await (await bearer.get("/api/session")).json()).user).toMatchObject({ email, role: "reviewer" });

    await page.reload();
    await expect(page.getByLabel(/New token “CMS import”/)).toHaveCount(0); // shown once
    await expect(page.locator(`text=${token}`)).toHaveCount(0);
    await page.getByRole("button", { name: `Revoke token CMS import of ${email}` }).click();
    await expect(page.getByRole("table", { name: `API tokens of ${email}` }).getByText(/^revoked/)).toBeVisible();
    await expectError(await bearer.get("/api/session"), 401, "unauthenticated");
    await bearer.dispose();
  });

  test("an admin's password reset says it revokes the user's tokens, and does", async ({
    adminPage: page,
    baseURL,
  }) => {
    const email = `reset-${stamp()}@test.local`;
    const created = await page.request.post("/api/users", {
      data: { email, name: "Rita Reset", role: "editor", password: "the first password" },
    });
    const { id } = await created.json();
    const minted = await (await page.request.post(`/api/users/${id}/tokens`, { data: { name: "stolen" } })).json();
    const bearer = await request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${minted.token}` } });
    expect((await bearer.get("/api/session")).status()).toBe(200);

    await page.goto("/admin/users");
    const reset = page.getByRole("form", { name: `New password for ${email}` });
    await expect(reset).toContainText(`Setting a password signs ${email} out everywhere and revokes every API token`);
    await expect(reset.getByLabel("Also revoke their API tokens")).toBeChecked();
    await reset.getByLabel(`New password for ${email}`).fill("a brand new password");
    await reset.getByRole("button", { name: "Set password" }).click();
    await expect(reset.getByRole("status")).toHaveText(
      `New password set for ${email}: 0 sessions ended, 1 API token revoked`,
    );
    await expectError(await bearer.get("/api/session"), 401, "unauthenticated");
    await bearer.dispose();
  });

  test("non-admins get a 403 message on the admin page, no Admin link, and 403 from the users API", async ({
    editorPage: page,
  }) => {
    await page.goto("/articles");
    await expect(page.getByRole("link", { name: "Admin" })).toHaveCount(0);
    await page.goto("/admin/users");
    await expect(page.getByRole("alert").filter({ hasText: "Forbidden (403)" })).toContainText(
      "only admins manage users",
    );
    await expect(page.getByRole("table")).toHaveCount(0);
    await expectError(await page.request.get("/api/users"), 403, "forbidden");
    await expectError(
      await page.request.post("/api/users", {
        data: { email: `x-${stamp()}@test.local`, name: "X", role: "admin", password: "long enough pw" },
      }),
      403,
      "forbidden",
    );
  });
});

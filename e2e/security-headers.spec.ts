import { expect, test } from "./fixtures";

const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

test("pages send the security headers and a fresh CSP nonce, and run under that policy without a violation", async ({
  editorPage: page,
  seedArticle,
}) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
  });
  const { id } = await seedArticle();

  const nonces = new Set<string>();
  const paths = [
    "/articles",
    `/articles/${id}`,
    `/articles/${id}/report`,
    "/claims",
    "/reports",
    "/articles/new",
    "/trends",
  ];
  for (const path of paths) {
    const response = await page.goto(path);
    const headers = response!.headers();
    const csp = headers["content-security-policy"];
    expect(csp, path).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toContain("object-src 'none'");
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("same-origin");
    expect(headers["permissions-policy"], path).toContain("camera=()");
    expect(headers["strict-transport-security"], path).toMatch(/max-age=\d+/);
    nonces.add(nonceOf(csp)!);
    // React hydrated the page (its scripts and Next's inline ones ran under the nonce).
    await expect
      .poll(() =>
        page.evaluate(() => Object.keys(document.querySelector("main")!).some((k) => k.startsWith("__react"))),
      )
      .toBe(true);
    await page.waitForLoadState("networkidle");
  }
  expect(nonces.size).toBe(paths.length); // one per request
  expect(violations).toEqual([]);

  // The policy holds: a script planted in the markup (as an injection would) without the nonce
  // does not run, and the browser reports it.
  await page.route("**/articles/new", async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace("</body>", "<script>window.__injected = true</script></body>");
    await route.fulfill({ response, body });
  });
  await page.goto("/articles/new");
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as { __injected?: boolean }).__injected)).toBeUndefined();
});

test("the standalone HTML report allows its own stylesheet and nothing else", async ({
  editorPage: page,
  seedArticle,
}) => {
  const { id } = await seedArticle();
  const response = await page.goto(`/api/articles/${id}/report?format=html`);
  const csp = response!.headers()["content-security-policy"];
  expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response!.headers()["x-frame-options"]).toBe("DENY");
  // The hash matches: the stylesheet applied (body max-width 60rem).
  expect(await page.evaluate(() => getComputedStyle(document.body).maxWidth)).toBe("960px");
});

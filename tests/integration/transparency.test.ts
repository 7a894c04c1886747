import { beforeAll, describe, expect, it } from "vitest";
import * as article from "@/app/api/articles/[id]/route";
import * as status from "@/app/api/articles/[id]/status/route";
import * as transparencyAdmin from "@/app/api/articles/[id]/transparency/route";
import * as cardJson from "@/app/api/transparency/[publicId]/route";
import * as cardEmbed from "@/app/t/[publicId]/embed/route";
import * as cardPage from "@/app/t/[publicId]/route";
import { runWithPeer } from "@/lib/auth/client-address";
import { newPublicId } from "@/lib/transparency/public-id";
import { approve, newSource, seedStory } from "./fixtures/story-seed";
import { call, makeUser, type TestUser, testPeer, unique } from "./helpers";

let editor: TestUser;
let reviewer: TestUser;

type CardHandler = (request: Request, context: { params: Promise<{ publicId: string }> }) => Promise<Response>;

/** A reader's request: no credentials, from its own socket address unless one is named (the card is rate-limited per address). */
async function read(
  handler: CardHandler,
  publicId: string,
  init: { query?: string; headers?: HeadersInit; peer?: string } = {},
) {
  const request = new Request(`http://localhost/t/${publicId}${init.query ?? ""}`, { headers: init.headers });
  const response = await runWithPeer(testPeer(init.peer), () =>
    handler(request, { params: Promise.resolve({ publicId }) }),
  );
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const SECRETS = {
  sourceNote: unique("SECRET-SOURCE-NOTE"),
  attributionNote: unique("SECRET-ATTRIBUTION-NOTE"),
  reviewComment: unique("SECRET-REVIEW-COMMENT"),
};

/** Every key the card may have, level by level: anything else is a leak. */
const CARD_KEYS = {
  card: [
    "format",
    "version",
    "publicId",
    "article",
    "reviewedAt",
    "claims",
    "namedSources",
    "anonymousSources",
    "documents",
    "secondHand",
  ],
  article: ["title", "outlet", "url", "language", "publishedAt"],
  claims: ["attributed", "anonymousOnly", "anonymousShare", "secondHand"],
  namedSource: ["type", "name", "role", "affiliation", "claims"],
  anonymousSource: ["type", "descriptor", "count", "reason", "claims"],
  document: ["name", "affiliation", "claims"],
  chain: ["source", "via", "claims"],
  chainEnd: ["type", "name"],
};
const keys = (o: object) => Object.keys(o).sort();

let story: Awaited<ReturnType<typeof seedStory>>;
let names: Record<string, string>;

beforeAll(async () => {
  editor = await makeUser("editor");
  reviewer = await makeUser("reviewer");
  names = {
    minister: unique("Amal Haddad"),
    officials: "two senior officials",
    insider: "a person close to the talks",
    report: unique("UN situation report"),
    wire: unique("Wire Agency"),
  };
  const minister = await newSource(editor, {
    type: "person",
    name: names.minister,
    role: "health minister",
    affiliation: "Ministry of Health",
    gender: "woman",
    notes: SECRETS.sourceNote,
  });
  const officials = await newSource(editor, {
    type: "anonymous_group",
    name: names.officials,
    count: 2,
    anonymityReason: "not authorised to speak publicly",
    identityKnownToNewsroom: true,
    notes: SECRETS.sourceNote,
  });
  const insider = await newSource(editor, {
    type: "anonymous_individual",
    name: names.insider,
    identityKnownToNewsroom: false,
  });
  const report = await newSource(editor, { type: "document", name: names.report, affiliation: "United Nations" });
  const wire = await newSource(editor, { type: "media_outlet", name: names.wire });
  story = await seedStory(editor, {
    title: unique("Ceasefire talks"),
    outlet: "The Paper",
    url: "https://example.org/story",
    publishedAt: "2026-03-02",
    author: unique("Byline Person"),
    claims: [
      { sources: [minister.id], mode: "direct_quote", note: SECRETS.attributionNote },
      { sources: [officials.id], reviewComment: SECRETS.reviewComment },
      { sources: [officials.id] },
      { sources: [insider.id], via: wire.id },
      { sources: [report.id, minister.id] },
    ],
    unsourced: 2,
  });
});

describe("the transparency card", () => {
  it("does not exist for a draft: no public id, and an unknown id is 404", async () => {
    const detail = await call(article.GET, "GET", { user: editor, id: story.article.id });
    expect(detail.json.publicId).toBeNull();
    for (const handler of [cardJson.GET, cardPage.GET, cardEmbed.GET]) {
      expect((await read(handler, newPublicId())).status).toBe(404);
      expect((await read(handler, "not-an-id")).status).toBe(404);
    }
  });

  it("is issued on approval, in the article's JSON, and lists exactly the allowed fields", async () => {
    const approved = await approve(story.article.id, reviewer);
    expect(approved.publicId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const detail = await call(article.GET, "GET", { user: editor, id: story.article.id });
    expect(detail.json).toMatchObject({ status: "approved", publicId: approved.publicId });

    const answer = await read(cardJson.GET, approved.publicId!);
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toContain("application/json");
    const card = JSON.parse(answer.text);
    expect(keys(card)).toEqual([...CARD_KEYS.card].sort());
    expect(keys(card.article)).toEqual([...CARD_KEYS.article].sort());
    expect(keys(card.claims)).toEqual([...CARD_KEYS.claims].sort());
    for (const s of card.namedSources) expect(keys(s)).toEqual([...CARD_KEYS.namedSource].sort());
    for (const s of card.anonymousSources) expect(keys(s)).toEqual([...CARD_KEYS.anonymousSource].sort());
    for (const d of card.documents) expect(keys(d)).toEqual([...CARD_KEYS.document].sort());
    for (const c of card.secondHand) {
      expect(keys(c)).toEqual([...CARD_KEYS.chain].sort());
      expect(keys(c.source)).toEqual([...CARD_KEYS.chainEnd].sort());
      expect(keys(c.via)).toEqual([...CARD_KEYS.chainEnd].sort());
    }

    expect(card).toEqual({
      format: "sourcedesk-transparency",
      version: 1,
      publicId: approved.publicId,
      article: {
        title: story.article.title,
        outlet: "The Paper",
        url: "https://example.org/story",
        language: "en",
        publishedAt: "2026-03-02T00:00:00.000Z",
      },
      reviewedAt: approved.approvedAt!.toISOString(),
      claims: { attributed: 5, anonymousOnly: 3, anonymousShare: 3 / 5, secondHand: 1 },
      namedSources: [
        {
          type: "person",
          name: names.minister,
          role: "health minister",
          affiliation: "Ministry of Health",
          claims: 2,
        },
      ],
      anonymousSources: [
        {
          type: "anonymous_group",
          descriptor: names.officials,
          count: 2,
          reason: "not authorised to speak publicly",
          claims: 2,
        },
        { type: "anonymous_individual", descriptor: names.insider, count: null, reason: null, claims: 1 },
      ],
      documents: [{ name: names.report, affiliation: "United Nations", claims: 1 }],
      secondHand: [
        {
          source: { type: "anonymous_individual", name: names.insider },
          via: { type: "media_outlet", name: names.wire },
          claims: 1,
        },
      ],
    });
    for (const secret of [...Object.values(SECRETS), "Approver", "Test editor", "identityKnownToNewsroom", "woman"])
      expect(answer.text).not.toContain(secret);
  });

  it("serves the same card as HTML, page and embed: cacheable, no cookies, no private text", async () => {
    const { publicId } = (await call(article.GET, "GET", { user: editor, id: story.article.id })).json;
    for (const [handler, frameAncestors] of [
      [cardPage.GET, "'self'"],
      [cardEmbed.GET, "*"],
    ] as const) {
      const page = await read(handler, publicId);
      expect(page.status).toBe(200);
      expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(page.headers.get("set-cookie")).toBeNull();
      expect(page.headers.get("cache-control")).toBe("public, max-age=60");
      expect(page.headers.get("content-security-policy")).toContain(`frame-ancestors ${frameAncestors}`);
      expect(page.headers.get("content-security-policy")).toContain("default-src 'none'");
      expect(page.text).toMatch(/^<!doctype html><html lang="en"/);
      expect(page.text).not.toContain("<script");
      for (const name of Object.values(names)) expect(page.text).toContain(name);
      expect(page.text).toContain("not authorised to speak publicly");
      expect(page.text).toContain("no reason was recorded");
      for (const secret of [...Object.values(SECRETS), "Approver", "Test editor", "identityKnownToNewsroom"])
        expect(page.text).not.toContain(secret);
      const etag = page.headers.get("etag")!;
      expect(etag).toMatch(/^"[\w-]+"$/);
      const again = await read(handler, publicId, { headers: { "if-none-match": etag } });
      expect(again.status).toBe(304);
      expect(again.text).toBe("");
    }
  });

  it("carries the security headers on every answer; errors are never cached, a good card is for a minute", async () => {
    const { publicId } = (await call(article.GET, "GET", { user: editor, id: story.article.id })).json;
    const handlers = [cardJson.GET, cardPage.GET, cardEmbed.GET];
    const answers: { what: string; status: number; headers: Headers }[] = [];
    for (const [i, handler] of handlers.entries()) {
      answers.push({ what: `card ${i}`, ...(await read(handler, publicId)) });
      answers.push({ what: `unknown ${i}`, ...(await read(handler, newPublicId())) });
      answers.push({ what: `malformed ${i}`, ...(await read(handler, "not-an-id")) });
      const peer = `198.51.100.${20 + i}`;
      for (let n = 0; n < 120; n++) await read(handler, "x", { peer });
      answers.push({ what: `limited ${i}`, ...(await read(handler, publicId, { peer })) });
    }
    answers.push({ what: "bad style", ...(await read(cardEmbed.GET, publicId, { query: "?accent=red;}" })) });
    expect(answers.map((a) => `${a.what} ${a.status}`)).toEqual([
      ...[0, 1, 2].flatMap((i) => [`card ${i} 200`, `unknown ${i} 404`, `malformed ${i} 404`, `limited ${i} 429`]),
      "bad style 400",
    ]);
    for (const { what, status, headers } of answers) {
      expect(headers.get("x-content-type-options"), what).toBe("nosniff");
      expect(headers.get("content-security-policy"), what).toContain("default-src 'none'");
      expect(headers.get("permissions-policy"), what).toContain("camera=()");
      expect(headers.get("cross-origin-opener-policy"), what).toBe("same-origin");
      expect(headers.get("referrer-policy"), what).toMatch(/^(no-referrer|same-origin)$/);
      expect(headers.get("cache-control"), what).toBe(status === 200 ? "public, max-age=60" : "no-store");
      expect(headers.get("set-cookie"), what).toBeNull();
    }
  });

  it("takes the embed's look from CSS variables in its URL, and refuses values that are not CSS", async () => {
    const { publicId } = (await call(article.GET, "GET", { user: editor, id: story.article.id })).json;
    const styled = await read(cardEmbed.GET, publicId, { query: "?accent=%23c00&font=Georgia,serif&utm_source=x" });
    expect(styled.status).toBe(200);
    expect(styled.text).toContain(":root{--sd-accent:#c00;--sd-font:Georgia,serif}");
    for (const bad of ["?accent=red;}body{display:none", "?font=</style><script>", "?text=url(x)"]) {
      const refused = await read(cardEmbed.GET, publicId, { query: bad });
      expect(refused.status, bad).toBe(400);
      expect(refused.text).not.toContain("<script>");
    }
  });

  it("answers JSON readers from any origin, and limits each address", async () => {
    const { publicId } = (await call(article.GET, "GET", { user: editor, id: story.article.id })).json;
    const json = await read(cardJson.GET, publicId);
    expect(json.headers.get("access-control-allow-origin")).toBe("*");
    const peer = "198.51.100.7";
    const statuses: number[] = [];
    for (let i = 0; i < 121; i++) statuses.push((await read(cardJson.GET, "x", { peer })).status);
    expect(statuses.filter((s) => s === 404)).toHaveLength(120);
    const limited = await read(cardJson.GET, publicId, { peer });
    expect(limited.status).toBe(429);
    expect(JSON.parse(limited.text)).toMatchObject({ error: { code: "rate_limited" } });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await read(cardJson.GET, publicId)).status).toBe(200); // another address is unaffected
  });

  it("comes down while the article is not approved, and back with the same id on approval", async () => {
    const detail = (await call(article.GET, "GET", { user: editor, id: story.article.id })).json;
    const reopened = await call(status.POST, "POST", {
      user: reviewer,
      id: story.article.id,
      body: { status: "in_review", version: detail.version, comment: "a source changed" },
    });
    expect(reopened.status).toBe(200);
    for (const handler of [cardJson.GET, cardPage.GET, cardEmbed.GET])
      expect((await read(handler, detail.publicId)).status).toBe(404);
    const again = await call(status.POST, "POST", {
      user: reviewer,
      id: story.article.id,
      body: { status: "approved", version: reopened.json.version },
    });
    expect(again.json.publicId).toBe(detail.publicId);
    expect((await read(cardJson.GET, detail.publicId)).status).toBe(200);
  });

  it("is revoked for good by anyone on the desk, and reissued with a new id by a reviewer", async () => {
    const { publicId } = (await call(article.GET, "GET", { user: editor, id: story.article.id })).json;
    const revoked = await call(transparencyAdmin.DELETE, "DELETE", { user: editor, id: story.article.id });
    expect(revoked).toMatchObject({ status: 200, json: { publicId: null, live: false } });
    for (const handler of [cardJson.GET, cardPage.GET, cardEmbed.GET])
      expect((await read(handler, publicId)).status).toBe(404);
    expect((await call(article.GET, "GET", { user: editor, id: story.article.id })).json.publicId).toBeNull();
    expect((await call(transparencyAdmin.POST, "POST", { user: editor, id: story.article.id })).status).toBe(403);
    const issued = await call(transparencyAdmin.POST, "POST", { user: reviewer, id: story.article.id });
    expect(issued.status).toBe(200);
    expect(issued.json.live).toBe(true);
    expect(issued.json.publicId).not.toBe(publicId);
    expect((await read(cardJson.GET, publicId)).status).toBe(404);
    expect((await read(cardJson.GET, issued.json.publicId)).status).toBe(200);
  });

  it("gives two concurrent issues one id, and keeps a live card's id when issued again", async () => {
    await call(transparencyAdmin.DELETE, "DELETE", { user: editor, id: story.article.id });
    const issue = () => call(transparencyAdmin.POST, "POST", { user: reviewer, id: story.article.id });
    const both = await Promise.all([issue(), issue(), issue()]);
    expect(both.map((r) => r.status)).toEqual([200, 200, 200]);
    const ids = new Set(both.map((r) => r.json.publicId));
    expect(ids.size).toBe(1);
    const [publicId] = ids;
    expect((await call(article.GET, "GET", { user: editor, id: story.article.id })).json.publicId).toBe(publicId);
    expect((await read(cardJson.GET, publicId)).status).toBe(200);
    expect((await issue()).json).toMatchObject({ publicId, live: true });
  });

  it("cannot be issued for an article that is not approved", async () => {
    const draft = await seedStory(editor, { title: unique("Draft"), claims: [], unsourced: 1 });
    const refused = await call(transparencyAdmin.POST, "POST", { user: reviewer, id: draft.article.id });
    expect(refused).toMatchObject({ status: 409, json: { error: { code: "conflict" } } });
    expect((await call(article.GET, "GET", { user: editor, id: draft.article.id })).json.publicId).toBeNull();
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as article from "@/app/api/articles/[id]/route";
import * as articles from "@/app/api/articles/route";
import { reanchorArticle } from "@/lib/anchoring/reanchor-article";
import { quoteSelector } from "@/lib/anchoring/text-quote";
import { db } from "@/lib/db";
import { closeTextPool } from "@/lib/workers/pool";
import { longestStall } from "../support/longest-stall";
import { call, makeUser, type TestUser, unique } from "./helpers";

// A 1 MB article with 2,000 claims, all on one passage that the edit rewrites: every claim needs
// the approximate search, the costliest path of re-anchoring. The work is bounded (work-budget.ts)
// but still around a second of CPU, which must not run on the thread every other request needs.
const WORDS = "the minister said that officials would meet again next week after talks ended".split(" ");
function prose(length: number): string {
  let s = 7;
  const out: string[] = [];
  for (let n = 0; n < length; ) {
    s = (s * 1664525 + 1013904223) >>> 0;
    const word = WORDS[s % WORDS.length];
    out.push(s % 17 === 0 ? `${word}.\n\n` : `${word} `);
    n += word.length + 2;
  }
  return out.join("").slice(0, length).trimEnd();
}

let editor: TestUser;
beforeAll(async () => {
  editor = await makeUser("editor");
});
afterAll(() => closeTextPool());

describe("PATCH /api/articles/:id re-anchoring many claims", () => {
  it("re-anchors 2,000 claims of a 1 MB article off the event loop, in seconds", { timeout: 120_000 }, async () => {
    const body = prose(1_000_000);
    const created = await call(articles.POST, "POST", { user: editor, body: { title: unique("load"), body } });
    expect(created.status).toBe(201);
    const at = 500_000;
    const claims = Array.from({ length: 2000 }, (_, i) => {
      const span = { start: at + (i % 50), end: at + 1500 + (i % 50) };
      return { articleId: created.json.id, ...span, ...quoteSelector(body, span), createdById: editor.id };
    });
    await db().claim.createMany({ data: claims });
    const chars = body.split("");
    for (let i = at; i < at + 1600; i += 3) chars[i] = "#";
    const newBody = chars.join("");

    const stored = await db().claim.findMany({ where: { articleId: created.json.id } });
    const t = performance.now();
    reanchorArticle({
      oldBody: body,
      newBody,
      claims: stored.map((c) => ({ ...c, parts: null })),
      attributions: [],
    });
    const inline = performance.now() - t; // the stall the same work causes on this thread

    let status = 0;
    const sent = performance.now();
    const stall = await longestStall(async () => {
      const response = await call(article.PATCH, "PATCH", {
        user: editor,
        id: created.json.id,
        body: { version: 1, body: newBody },
      });
      status = response.status;
    });
    const patchMs = performance.now() - sent;
    expect(status).toBe(200);
    // The 2,000 changed claims are written in two statements: one UPDATE each took 17–25 s here.
    expect(patchMs).toBeLessThan(10_000);
    expect(await db().claim.count({ where: { articleId: created.json.id, orphaned: true } })).toBe(2000);
    expect(inline).toBeGreaterThan(400);
    expect(stall).toBeLessThan(inline / 2);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as importRoute from "@/app/api/articles/import/route";
import * as articles from "@/app/api/articles/route";
import { db } from "@/lib/db";
import { importArticles } from "@/lib/import/import-articles";
import { readFolder } from "@/lib/import/read-folder";
import type { ImportEvent } from "@/lib/import/schema";
import { segmentText } from "@/lib/statements/segment-text";
import { approve } from "./fixtures/story-seed";
import { call, makeUser, type TestUser, unique } from "./helpers";

/** POST /api/articles/import as Next calls it; the answer's NDJSON events, parsed. */
async function upload(user: TestUser, body: string | Buffer, query: Record<string, string> = {}) {
  const url = new URL("http://localhost/api/articles/import");
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const response = await importRoute.POST(
    new Request(url, {
      method: "POST",
      headers: { authorization: `Bearer ${user.token}`, "content-type": "application/x-ndjson" },
      body: typeof body === "string" ? body : new Uint8Array(body),
    }),
    { params: Promise.resolve({}) } as never,
  );
  const text = await response.text();
  const events =
    response.status === 200
      ? text
          .trim()
          .split("\n")
          .map((l) => JSON.parse(l) as ImportEvent)
      : [];
  return { status: response.status, events, text, summary: events.find((e) => e.type === "summary") };
}

const ndjson = (rows: unknown[]) => rows.map((r) => (typeof r === "string" ? r : JSON.stringify(r))).join("\n");
const story = (tag: string, i: number, extra: Record<string, unknown> = {}) => ({
  externalId: `${tag}-${i}`,
  title: `Story ${i} of ${tag}`,
  body: `Heading ${i}\n\nThe minister said on Monday that talks would resume. "We are ready," she said. Officials disagreed.`,
  language: "en",
  url: `https://news.example/${tag}/${i}`,
  publishedAt: "2024-03-05",
  ...extra,
});

let editor: TestUser;
let otherEditor: TestUser;
let reviewer: TestUser;
beforeAll(async () => {
  [editor, otherEditor, reviewer] = await Promise.all([makeUser("editor"), makeUser("editor"), makeUser("reviewer")]);
});

/** A request whose body the test feeds and ends itself, counting what the server has pulled. */
function openUpload(user: TestUser, query = "") {
  let feed!: ReadableStreamDefaultController<Uint8Array>;
  const pulled = { bytes: 0 };
  const source = new ReadableStream<Uint8Array>(
    {
      start(c) {
        feed = c;
      },
    },
    { highWaterMark: 0 },
  );
  const counting = source.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, c) {
        pulled.bytes += chunk.byteLength;
        c.enqueue(chunk);
      },
    }),
  );
  const request = new Request(`http://localhost/api/articles/import${query}`, {
    method: "POST",
    headers: { authorization: `Bearer ${user.token}`, "content-type": "application/x-ndjson" },
    body: counting,
    duplex: "half",
  } as RequestInit);
  const response = importRoute.POST(request, { params: Promise.resolve({}) } as never);
  return {
    response,
    pulled,
    feed: (text: string) => feed.enqueue(new TextEncoder().encode(text)),
    end: () => feed.close(),
  };
}

describe("POST /api/articles/import", () => {
  it("imports good lines, reports bad ones by line number and goes on", async () => {
    const tag = unique("batch");
    const body = ndjson([
      story(tag, 1),
      "{not json",
      { ...story(tag, 2), title: "" },
      "",
      story(tag, 3),
      [1, 2],
      { ...story(tag, 4), surprise: true },
      story(tag, 5, { author: "Maria Lopez", desk: "politics" }),
    ]);
    const { status, events, summary } = await upload(editor, body);
    expect(status).toBe(200);
    expect(summary).toMatchObject({ type: "summary", created: 3, updated: 0, skipped: 0, failed: 4 });
    const failures = events.filter((e) => e.type === "failure");
    expect(failures.map((f) => f.type === "failure" && f.line)).toEqual([2, 3, 6, 7]);
    expect(failures.map((f) => f.type === "failure" && f.reason)).toEqual([
      expect.stringContaining("not valid JSON"),
      expect.stringContaining("title"),
      expect.stringContaining("JSON object"),
      expect.stringContaining("surprise"),
    ]);
    const stored = await db().article.findMany({
      where: { externalId: { startsWith: `${tag}-` } },
      include: { statements: { orderBy: { ordinal: "asc" } } },
      orderBy: { externalId: "asc" },
    });
    expect(stored.map((a) => a.externalId)).toEqual([`${tag}-1`, `${tag}-3`, `${tag}-5`]);
    expect(stored.map((a) => [a.author, a.desk])).toEqual([
      [null, null],
      [null, null],
      ["Maria Lopez", "politics"],
    ]);
    for (const a of stored) {
      expect(a).toMatchObject({ createdById: editor.id, status: "draft", language: "en", version: 1 });
      expect(a.publishedAt?.toISOString()).toBe("2024-03-05T00:00:00.000Z");
      expect(a.statements.map(({ kind, start, end }) => ({ kind, start, end }))).toEqual(segmentText(a.body));
      expect(a.statements.every((s) => !s.sourced)).toBe(true);
    }
    // One create event per article, naming the import and the line it came from.
    const audit = await db().auditEvent.findMany({ where: { articleId: { in: stored.map((a) => a.id) } } });
    expect(audit.map((e) => [e.action, e.entity, e.entityId, e.actorId])).toEqual(
      expect.arrayContaining(stored.map((a) => ["create", "article", a.id, editor.id])),
    );
    expect(audit).toHaveLength(3);
    expect((audit[0].after as { importedFrom: { line: number } }).importedFrom.line).toBeGreaterThan(0);
  });

  it("is idempotent: a second run skips, update mode rewrites only what changed", async () => {
    const tag = unique("again");
    const rows = [story(tag, 1), story(tag, 2), story(tag, 3)];
    expect((await upload(editor, ndjson(rows))).summary).toMatchObject({ created: 3, skipped: 0 });
    expect((await upload(editor, ndjson(rows))).summary).toMatchObject({ created: 0, skipped: 3, updated: 0 });
    const changed = [rows[0], { ...rows[1], title: "A better title" }, { ...rows[2], body: `${rows[2].body} More.` }];
    const { summary } = await upload(editor, ndjson(changed), { onDuplicate: "update" });
    expect(summary).toMatchObject({ created: 0, updated: 2, skipped: 1, failed: 0 });
    const stored = await db().article.findMany({
      where: { externalId: { startsWith: `${tag}-` } },
      orderBy: { externalId: "asc" },
    });
    expect(stored.map((a) => [a.title, a.version])).toEqual([
      [rows[0].title, 1],
      ["A better title", 2],
      [rows[2].title, 2],
    ]);
    expect(await db().statement.count({ where: { articleId: stored[2].id } })).toBe(
      segmentText(changed[2].body).length,
    );
  });

  it("knows an article by its url when the line has no externalId, and a story twice in one file once", async () => {
    const url = `https://news.example/${unique("url")}`;
    const created = await call(articles.POST, "POST", {
      user: editor,
      body: { title: "Already here", body: "One sentence. Another.", url },
    });
    expect(created.status).toBe(201);
    const tag = unique("twice");
    const { summary } = await upload(
      editor,
      ndjson([
        { title: "Same url", body: "Different text.", url },
        story(tag, 1),
        { ...story(tag, 1), title: "Second copy" },
      ]),
    );
    expect(summary).toMatchObject({ created: 1, skipped: 2, failed: 0 });
    expect(await db().article.count({ where: { url } })).toBe(1);
    expect(await db().article.count({ where: { externalId: `${tag}-1` } })).toBe(1);
  });

  it("never duplicates under concurrent imports of the same stories", async () => {
    const tag = unique("race");
    const rows = Array.from({ length: 30 }, (_, i) => story(tag, i));
    const urlOnly = Array.from({ length: 10 }, (_, i) => ({
      title: `U${i}`,
      body: "Text here.",
      url: `https://race.example/${tag}/${i}`,
    }));
    const lines = ndjson([...rows, ...urlOnly]);
    // Two users, two imports each: the most one user may run at once.
    const results = await Promise.all([editor, editor, otherEditor, otherEditor].map((u) => upload(u, lines)));
    const created = results.map((r) => (r.summary?.type === "summary" ? r.summary.created : -1));
    expect(created.reduce((a, b) => a + b, 0)).toBe(40);
    for (const r of results) expect(r.summary).toMatchObject({ failed: 0 });
    expect(await db().article.count({ where: { externalId: { startsWith: `${tag}-` } } })).toBe(30);
    expect(await db().article.count({ where: { url: { startsWith: `https://race.example/${tag}/` } } })).toBe(10);
  });

  it("sends an approved article whose text an update import changes back to review, as any sourcing change", async () => {
    const tag = unique("approved");
    const row = story(tag, 1);
    await upload(editor, ndjson([row]));
    const stored = await db().article.findFirstOrThrow({ where: { externalId: row.externalId } });
    const approved = await approve(stored.id, editor);
    expect(approved.status).toBe("approved");
    const { summary } = await upload(editor, ndjson([{ ...row, body: `${row.body} A new sentence.` }]), {
      onDuplicate: "update",
    });
    expect(summary).toMatchObject({ updated: 1, failed: 0 });
    expect((await db().article.findUniqueOrThrow({ where: { id: stored.id } })).status).toBe("in_review");
    const events = await db().auditEvent.findMany({ where: { articleId: stored.id }, orderBy: { createdAt: "asc" } });
    expect(events.at(-1)?.after).toMatchObject({ status: "in_review", cause: "article.text" });
  });

  it("lets one user run two imports at once; a third is 429 with Retry-After, others and later ones go ahead", async () => {
    const running = [openUpload(editor), openUpload(editor)];
    const statuses = await Promise.all(running.map(async (r) => (await r.response).status));
    expect(statuses).toEqual([200, 200]);
    const third = await upload(editor, ndjson([story(unique("third"), 1)]));
    expect(third.status).toBe(429);
    expect(JSON.parse(third.text)).toMatchObject({ error: { code: "rate_limited" } });
    const fromAnother = await upload(otherEditor, ndjson([story(unique("other"), 1)]));
    expect(fromAnother.summary).toMatchObject({ created: 1 });
    const refused = await importRoute.POST(
      new Request("http://localhost/api/articles/import", {
        method: "POST",
        headers: { authorization: `Bearer ${editor.token}` },
        body: "",
      }),
      { params: Promise.resolve({}) } as never,
    );
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    await refused.text();
    running[0].end();
    await (await running[0].response).text(); // its slot is given back when its answer ends
    expect((await upload(editor, ndjson([story(unique("later"), 1)]))).summary).toMatchObject({ created: 1 });
    // One that goes away mid-upload (its answer cancelled, its body never ending) gives its slot back too.
    await (await running[1].response).body!.cancel();
    let again = 429;
    for (let i = 0; i < 50 && again === 429; i++) {
      again = (await upload(editor, ndjson([story(unique("after-cancel"), 1)]))).status;
      if (again === 429) await new Promise((r) => setTimeout(r, 50));
    }
    expect(again).toBe(200);
  });

  it("pauses for a reader that stops reading the events instead of buffering the whole answer", async () => {
    // 40,000 bad lines: ~4 MB of failure events from ~0.5 MB of input, none of it touching the database.
    const lines = 40_000;
    const upload = openUpload(editor);
    const input = "{not json\n".repeat(lines);
    const response = await upload.response;
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    const feeding = (async () => {
      for (let fed = 0; fed < input.length; fed += 16_384) {
        upload.feed(input.slice(fed, fed + 16_384));
        await new Promise((r) => setTimeout(r, 0));
      }
      upload.end();
    })();
    await reader.read(); // the answer has started: now read nothing for a while
    let before = -1;
    while (before !== upload.pulled.bytes) {
      before = upload.pulled.bytes;
      await new Promise((r) => setTimeout(r, 300));
    }
    // Held back: the server stopped reading the upload once ~64 kB of events waited for the reader.
    expect(upload.pulled.bytes).toBeLessThan(input.length / 4);
    let text = "";
    const decoder = new TextDecoder();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    await feeding;
    const summary = JSON.parse(text.trim().split("\n").at(-1)!);
    expect(summary).toMatchObject({ type: "summary", failed: lines, created: 0 });
    expect(upload.pulled.bytes).toBe(input.length);
  });

  it("takes gzipped NDJSON, streams progress per batch, and is for editors and admins only", async () => {
    const tag = unique("gz");
    const events: ImportEvent[] = [];
    const body = gzipSync(ndjson(Array.from({ length: 7 }, (_, i) => story(tag, i))));
    const viaApi = await upload(editor, body);
    expect(viaApi.summary).toMatchObject({ created: 7 });
    expect(viaApi.events.filter((e) => e.type === "progress").length).toBeGreaterThanOrEqual(1);

    async function* records() {
      for (let i = 0; i < 7; i++) yield { line: i + 1, input: story(`${tag}-direct`, i) };
    }
    await importArticles(records(), {
      actorId: editor.id,
      onDuplicate: "skip",
      batchSize: 2,
      onEvent: (e) => void events.push(e),
    });
    const progress = events.filter((e) => e.type === "progress");
    // Four batches (two written at a time), the counts only growing.
    const created = progress.map((p) => (p.type === "progress" ? p.created : -1));
    expect(created).toHaveLength(4);
    expect(created).toEqual([...created].sort((a, b) => a - b));
    expect(created.at(-1)).toBe(7);
    expect(events.at(-1)).toMatchObject({ type: "summary", created: 7 });

    const refused = await upload(reviewer, ndjson([story(tag, 99)]));
    expect(refused.status).toBe(403);
    expect(await db().article.count({ where: { externalId: `${tag}-99` } })).toBe(0);
    expect((await upload(editor, "", { onDuplicate: "merge" })).status).toBe(400);
  });
});

describe("folder import", () => {
  let dir = "";
  afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

  it("reads .txt, .md and .html (Readability) files, text exactly as a reader sees it", async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "sourcedesk-import-"));
    const tag = unique("folder");
    writeFileSync(path.join(dir, "a.txt"), `First line title ${tag}\r\n\r\nA sentence. Another one.\r\n`);
    writeFileSync(path.join(dir, "b.md"), `# Markdown title ${tag}\n\nSome *text* here.\n`);
    writeFileSync(path.join(dir, "skip.json"), "{}");
    const filler = "The committee will publish its findings next month, officials said. ".repeat(8);
    writeFileSync(
      path.join(dir, "c.html"),
      `<!doctype html><html lang="en-GB"><head><title>Aid talks ${tag}</title>
       <link rel="canonical" href="https://news.example/${tag}/c"><meta property="article:published_time" content="2024-06-01T08:00:00Z">
       <style>p{color:red}</style><script>track()</script></head>
       <body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
       <article><h1>Aid   talks resume</h1>
       <p>Negotiators   met on
       Tuesday. “We are close,” a diplomat said.</p>
       <p>The ministry said<br>it would respond. ${filler}</p></article>
       <footer>© News Example</footer></body></html>`,
    );
    writeFileSync(path.join(dir, "empty.html"), "<html><body><nav>Menu</nav></body></html>");
    const summary = await importArticles(readFolder(dir), { actorId: editor.id, onDuplicate: "skip" });
    expect(summary).toMatchObject({ created: 3, failed: 1 });
    expect(summary.failures[0]).toMatchObject({
      ref: "empty.html",
      reason: expect.stringContaining("no article text"),
    });

    const html = await db().article.findUniqueOrThrow({ where: { externalId: "file:c.html" } });
    expect(html).toMatchObject({ title: `Aid talks ${tag}`, url: `https://news.example/${tag}/c`, language: "en-GB" });
    expect(html.body).toBe(
      `Aid talks resume\n\nNegotiators met on Tuesday. “We are close,” a diplomat said.\n\nThe ministry said\nit would respond. ${filler.trim()}`,
    );
    const txt = await db().article.findUniqueOrThrow({ where: { externalId: "file:a.txt" } });
    expect(txt).toMatchObject({
      title: `First line title ${tag}`,
      body: `First line title ${tag}\n\nA sentence. Another one.\n`,
    });
    expect((await db().article.findUniqueOrThrow({ where: { externalId: "file:b.md" } })).title).toBe(
      `Markdown title ${tag}`,
    );

    // The same folder again: everything is already there.
    expect(await importArticles(readFolder(dir), { actorId: editor.id, onDuplicate: "skip" })).toMatchObject({
      created: 0,
      skipped: 3,
      failed: 1,
    });
  });
});

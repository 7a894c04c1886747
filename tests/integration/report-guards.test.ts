import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as articleReport from "@/app/api/articles/[id]/report/route";
import * as articles from "@/app/api/articles/route";
import * as reports from "@/app/api/reports/route";
import { db } from "@/lib/db";
import { closeReportPool, REPORT_CONNECTIONS } from "@/lib/reports/snapshot";
import { call, makeUser, type TestUser, unique } from "./helpers";

// Enough rows that a download is many 64 kB chunks (the stream cannot finish before it stalls).
const STATEMENTS = 4_000;

let editor: TestUser;
let articleId: string;

beforeAll(async () => {
  process.env.SOURCEDESK_REPORT_ACQUIRE_MS = "1000";
  await closeReportPool(); // the next report opens a pool with the setting above
  editor = await makeUser("editor");
  // Real statements (other tests export and check the whole workspace): one per sentence.
  const body = Array.from(
    { length: STATEMENTS },
    (_, i) => `Unsourced sentence number ${i} stands here on its own.`,
  ).join(" ");
  articleId = (await call(articles.POST, "POST", { user: editor, body: { title: unique("guards"), body } })).json.id;
}, 120_000);

afterEach(() => {
  delete process.env.SOURCEDESK_REPORT_STALL_MS;
  delete process.env.SOURCEDESK_REPORT_PER_USER;
});

/** Report sessions inside a transaction (a download between two FETCHes holds one). */
async function openReportTransactions(): Promise<number> {
  const rows = await db().$queryRaw<{ n: number }[]>`
    SELECT CAST(count(*) AS int) AS n FROM pg_stat_activity
    WHERE datname = current_database() AND application_name = 'sourcedesk-reports' AND xact_start IS NOT NULL`;
  return rows[0].n;
}

async function eventually(check: () => Promise<boolean>, ms = 3000): Promise<boolean> {
  const until = Date.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts an article CSV download and reads its first chunk only, like a client that then stalls. */
async function startDownload(user: TestUser, signal?: AbortSignal) {
  const url = `http://localhost/api/articles/${articleId}/report?format=csv`;
  const request = new Request(url, { headers: { authorization: `Bearer ${user.token}` }, signal });
  const response = await articleReport.GET(request, { params: Promise.resolve({ id: articleId }) });
  if (response.status !== 200) return { response, reader: null };
  const reader = response.body!.getReader();
  await reader.read();
  return { response, reader };
}

describe("report downloads always end their transaction", () => {
  it("a client that disconnects (the request's signal aborts) ends it at once", async () => {
    const abort = new AbortController();
    const { reader } = await startDownload(editor, abort.signal);
    expect(await openReportTransactions()).toBe(1);
    abort.abort();
    expect(await eventually(async () => (await openReportTransactions()) === 0)).toBe(true);
    await expect(reader!.read()).rejects.toThrow();
  });

  it("a client that stays connected but stops reading is cut off after the stall timeout", async () => {
    process.env.SOURCEDESK_REPORT_STALL_MS = "300";
    const { reader } = await startDownload(editor);
    expect(await openReportTransactions()).toBe(1);
    expect(await eventually(async () => (await openReportTransactions()) === 0)).toBe(true);
    await expect(reader!.read()).rejects.toThrow(/stopped reading/);
  });

  it("a cancelled stream ends it too", async () => {
    const { reader } = await startDownload(editor);
    await reader!.cancel();
    expect(await eventually(async () => (await openReportTransactions()) === 0)).toBe(true);
  });
});

describe("report downloads are shared out", () => {
  it("one user streams at most 2 at once (429 with Retry-After past that); others are unaffected", async () => {
    const greedy = await makeUser("reviewer");
    const other = await makeUser("reviewer");
    const held = [await startDownload(greedy), await startDownload(greedy)];
    expect(held.map((d) => d.response.status)).toEqual([200, 200]);
    const third = await startDownload(greedy);
    expect(third.response.status).toBe(429);
    expect(third.response.headers.get("retry-after")).toBe("5");
    expect((await third.response.json()).error.code).toBe("rate_limited");
    const filterReport = await call(reports.GET, "GET", { user: other, query: { format: "json", articleId } });
    expect(filterReport.status).toBe(200);
    for (const d of held) await d.reader!.cancel();
    expect(await eventually(async () => (await openReportTransactions()) === 0)).toBe(true);
    // The slots came back with the streams.
    const again = await startDownload(greedy);
    expect(again.response.status).toBe(200);
    await again.reader!.cancel();
  });

  it("a report that gets no connection within the acquire timeout answers 503 with Retry-After", async () => {
    const users = await Promise.all(Array.from({ length: REPORT_CONNECTIONS + 1 }, () => makeUser("reviewer")));
    const held = [];
    for (const user of users.slice(0, REPORT_CONNECTIONS)) held.push(await startDownload(user));
    expect(await openReportTransactions()).toBe(REPORT_CONNECTIONS);
    const t0 = performance.now();
    const late = await startDownload(users[REPORT_CONNECTIONS]);
    expect(late.response.status).toBe(503);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(late.response.headers.get("retry-after")).toBe("5");
    expect((await late.response.json()).error.code).toBe("unavailable");
    for (const d of held) await d.reader!.cancel();
    expect(await eventually(async () => (await openReportTransactions()) === 0)).toBe(true);
    const served = await startDownload(users[REPORT_CONNECTIONS]);
    expect(served.response.status).toBe(200);
    await served.reader!.cancel();
  });
});

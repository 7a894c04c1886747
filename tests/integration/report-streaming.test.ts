import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import * as articleReport from "@/app/api/articles/[id]/report/route";
import * as articles from "@/app/api/articles/route";
import * as sources from "@/app/api/sources/route";
import { db } from "@/lib/db";
import { call, makeUser, type TestUser, unique } from "./helpers";

/** Raise with STREAM_CLAIMS=100000 to measure a newsroom-sized export; the default keeps the suite quick. */
const CLAIMS = Number(process.env.STREAM_CLAIMS ?? 5_000);

let reviewer: TestUser;
let articleId: string;

beforeAll(async () => {
  const editor = await makeUser("editor");
  reviewer = await makeUser("reviewer");
  const body = `"A quote, with ""commas"" and\nlines," an official said. Another sentence follows here.`;
  articleId = (await call(articles.POST, "POST", { user: editor, body: { title: unique("bulk"), body } })).json.id;
  const [claimEnd, cue] = [body.indexOf(`" an official`), body.indexOf("said")];
  const source = (
    await call(sources.POST, "POST", { user: editor, body: { type: "anonymous_group", name: "officials" } })
  ).json;
  // Bulk rows straight in SQL: the API would take minutes to create this many.
  await db().$executeRaw`
    INSERT INTO "Claim" (id, "articleId", start, "end", text, "createdById", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), ${articleId}::uuid, 1, ${claimEnd}, ${body.slice(1, claimEnd)}, ${editor.id}::uuid, now() - make_interval(secs => n), now()
    FROM generate_series(1, ${CLAIMS}) AS n`;
  await db().$executeRaw`
    INSERT INTO "Attribution" (id, "claimId", "sourceId", mode, "cueStart", "cueEnd", "createdById", "updatedAt")
    SELECT gen_random_uuid(), c.id, ${source.id}::uuid, 'partial_quote', ${cue}, ${cue + 4}, ${editor.id}::uuid, now() FROM "Claim" c WHERE c."articleId" = ${articleId}::uuid`;
}, 300_000);

/** Other backends still inside a transaction: the export's snapshot, between two FETCHes from its cursor. */
async function openExportCursors(): Promise<number> {
  const rows = await db().$queryRaw<{ n: number }[]>`
    SELECT CAST(count(*) AS int) AS n FROM pg_stat_activity
    WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL`;
  return rows[0].n;
}

function exportRequest() {
  const url = `http://localhost/api/articles/${articleId}/report?format=csv`;
  return articleReport.GET(new Request(url, { headers: { authorization: `Bearer ${reviewer.token}` } }), {
    params: Promise.resolve({ id: articleId }),
  });
}

describe("large exports stream from a database cursor", () => {
  it("sends the CSV in chunks while the cursor is still open, and every row arrives", async () => {
    const started = performance.now();
    const response = await exportRequest();
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    const first = await reader.read();
    // Rows are still being fetched batch by batch: the result is not sitting in memory.
    expect(await openExportCursors()).toBe(1);
    let text = decoder.decode(first.value, { stream: true });
    let chunks = 1;
    let peakHeap = process.memoryUsage().heapUsed;
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      text += decoder.decode(next.value, { stream: true });
      chunks++;
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    }
    const records = parse(text, { columns: true, record_delimiter: "\r\n" }) as Record<string, string>[];
    expect(records.filter((r) => r.record === "attribution")).toHaveLength(CLAIMS);
    expect(records.slice(CLAIMS).map((r) => [r.record, r.text])).toEqual([
      ["unsourced_statement", "Another sentence follows here."],
    ]);
    expect(records[0]).toMatchObject({
      text: `A quote, with ""commas"" and\nlines,`,
      cue_text: "said",
      source_type: "anonymous_group",
    });
    expect(chunks).toBeGreaterThan(10);
    expect(await openExportCursors()).toBe(0);
    console.log(
      `[report-streaming] ${CLAIMS} claims, ${(text.length / 1e6).toFixed(1)} MB CSV in ${chunks} chunks, ${Math.round(performance.now() - started)} ms, peak heap ${(peakHeap / 1e6).toFixed(0)} MB`,
    );
  }, 300_000);

  it("ends the transaction when the reader goes away mid-download", async () => {
    const response = await exportRequest();
    const reader = response.body!.getReader();
    await reader.read();
    expect(await openExportCursors()).toBe(1);
    await reader.cancel();
    await expect.poll(openExportCursors).toBe(0);
  });
});

import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { writeBatch } from "@/lib/import/write-batch";
import { importPool } from "@/lib/pg-pool";
import { segmentText } from "@/lib/statements/segment-text";
import { newSource } from "./fixtures/story-seed";
import { makeUser, type TestUser, unique } from "./helpers";
import { expectSourceMonthsTrue } from "./source-months-check";

/**
 * The source-months fold is incremental (migration incremental_source_fold): a mark names the
 * month whose pairs changed, and a source quoted once more in a month, outlet and desk it was
 * already quoted in keeps its links and its SourceMonths row as they were — the fold no longer
 * rebuilds a much-quoted source's whole history each time. Checked against a recount from the rows.
 */
let editor: TestUser;
let outlet: string;
let sourceId: string;

const BODY = "One claim here. Two claim here. The end here.";

/** One article quoting the source, written by the import's batch writer. */
async function quoteIn(day: string) {
  const article = {
    id: randomUUID(),
    title: unique("fold"),
    body: BODY,
    language: "en",
    outlet,
    desk: "politics",
    url: null,
    externalId: null,
    publishedAt: new Date(`${day}T12:00:00Z`),
    statements: segmentText(BODY),
  };
  const claim = {
    id: randomUUID(),
    articleId: article.id,
    start: 0,
    end: 14,
    text: BODY.slice(0, 14),
    prefix: "",
    suffix: "",
    reviewStatus: "pending",
    createdAt: article.publishedAt,
  };
  const attribution = {
    id: randomUUID(),
    claimId: claim.id,
    sourceId,
    mode: "paraphrase",
    cueStart: null,
    cueEnd: null,
    mentionStart: null,
    mentionEnd: null,
    viaSourceId: null,
    createdAt: claim.createdAt,
  };
  const client = await importPool().connect();
  try {
    await client.query("BEGIN");
    await writeBatch(
      client,
      { articles: [article], claims: [claim], attributions: [attribution] },
      { actorId: editor.id },
    );
    await client.query("COMMIT");
  } finally {
    client.release();
  }
  return article.id;
}

/** The source's SourceMonths row version (xmin changes whenever the row is written again). */
async function storedRow() {
  const [row] = await db().$queryRaw<{ version: string; months: number }[]>`
    SELECT CAST(xmin AS text) AS version, cardinality(months) AS months FROM "SourceMonths" WHERE "sourceId" = CAST(${sourceId} AS uuid)`;
  return row;
}

async function marks() {
  return db().$queryRaw<{ month: string | null }[]>`
    SELECT to_char(month, 'YYYY-MM-DD') AS month FROM "SourceMonthChange" WHERE "sourceId" = CAST(${sourceId} AS uuid)`;
}

describe("The source-months fold", () => {
  beforeAll(async () => {
    editor = await makeUser("editor");
    outlet = unique("Ledger");
    sourceId = (await newSource(editor, { name: unique("Official"), type: "anonymous_individual" })).id;
  });

  it("marks the month of a new pair, and leaves a source quoted again in a known cell untouched", async () => {
    await quoteIn("1913-04-02");
    expect(await marks()).toEqual([{ month: "1913-04-01" }]);
    await expectSourceMonthsTrue();
    const first = await storedRow();
    expect(first.months, "all articles, the outlet, the desk").toBe(3);

    await quoteIn("1913-04-20");
    await expectSourceMonthsTrue();
    expect(await storedRow(), "the same cells: the row is not written again").toEqual(first);

    await quoteIn("1913-06-11");
    await expectSourceMonthsTrue();
    const later = await storedRow();
    expect(later.months).toBe(6);
    expect(later.version).not.toBe(first.version);
  });

  it("refolds the source whole when what it counts as changes", async () => {
    await db().source.update({ where: { id: sourceId }, data: { anonymityReason: "feared reprisal" } });
    expect(await marks(), "a change of kinds names no month").toEqual([{ month: null }]);
    await expectSourceMonthsTrue();
  });

  it("takes a deleted article's month out", async () => {
    const gone = await quoteIn("1913-09-30");
    await expectSourceMonthsTrue();
    await db().article.delete({ where: { id: gone } });
    expect(await marks()).toEqual([{ month: "1913-09-01" }]);
    await expectSourceMonthsTrue();
    expect((await storedRow()).months).toBe(6);
  });
});

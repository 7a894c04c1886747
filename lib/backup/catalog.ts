import type { ClientBase } from "pg";
import { type BackupSequence, type BackupTable, quoteIdent } from "./format";

/**
 * Every table of the `public` schema from the catalog, so a table added by a later migration is
 * backed up without anyone remembering to list it. Ordered parents-first by foreign keys, so rows
 * can be inserted in file order with every constraint checked.
 */
export async function listTables(client: ClientBase): Promise<BackupTable[]> {
  const { rows: columns } = await client.query<{ table: string; name: string; type: string }>(`
    SELECT c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
    WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
    ORDER BY c.relname, a.attnum`);
  const { rows: keys } = await client.query<{ table: string; columns: string[] }>(`
    SELECT c.relname AS table, array_agg(a.attname::text ORDER BY k.ord) AS columns
    FROM pg_index i
    JOIN pg_class c ON c.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = c.relnamespace
    CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
    WHERE n.nspname = 'public' AND i.indisprimary
    GROUP BY c.relname`);
  const { rows: references } = await client.query<{ child: string; parent: string }>(`
    SELECT DISTINCT child.relname AS child, parent.relname AS parent
    FROM pg_constraint f
    JOIN pg_class child ON child.oid = f.conrelid
    JOIN pg_class parent ON parent.oid = f.confrelid
    JOIN pg_namespace n ON n.oid = child.relnamespace
    WHERE f.contype = 'f' AND n.nspname = 'public' AND child.oid <> parent.oid`);

  const tables = new Map<string, BackupTable>();
  for (const c of columns) {
    if (!tables.has(c.table)) tables.set(c.table, { name: c.table, columns: [], primaryKey: [] });
    tables.get(c.table)!.columns.push({ name: c.name, type: c.type });
  }
  for (const k of keys) if (tables.has(k.table)) tables.get(k.table)!.primaryKey = k.columns;
  return parentsFirst([...tables.values()], references);
}

/** Topological order (names break ties, so the order is stable); a cycle cannot be restored row by row. */
function parentsFirst(tables: BackupTable[], references: { child: string; parent: string }[]): BackupTable[] {
  const remaining = new Map(tables.map((t) => [t.name, t]));
  const ordered: BackupTable[] = [];
  while (remaining.size) {
    const ready = [...remaining.values()]
      .filter((t) => !references.some((r) => r.child === t.name && remaining.has(r.parent)))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
    if (!ready.length) throw new Error(`Foreign keys form a cycle between ${[...remaining.keys()].join(", ")}`);
    for (const t of ready) {
      ordered.push(t);
      remaining.delete(t.name);
    }
  }
  return ordered;
}

/** Names of the finished migrations, oldest first (none when the table does not exist yet). */
export async function listMigrations(client: ClientBase): Promise<string[]> {
  const { rows: exists } = await client.query(`SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS ok`);
  if (!exists[0].ok) return [];
  const { rows } = await client.query<{ migration_name: string }>(
    `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((r) => r.migration_name);
}

/** Sequences owned by public tables' columns (serial, bigserial, identity) and where they stand. */
export async function listSequences(
  client: ClientBase,
): Promise<(BackupSequence & { table: string; column: string })[]> {
  const { rows } = await client.query<{ name: string; table: string; column: string }>(`
    SELECT s.oid::regclass::text AS name, t.relname AS table, a.attname AS column
    FROM pg_class s
    JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
    JOIN pg_class t ON t.oid = d.refobjid
    JOIN pg_namespace tn ON tn.oid = t.relnamespace
    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
    WHERE s.relkind = 'S' AND tn.nspname = 'public'
    ORDER BY 1`);
  const out = [];
  for (const r of rows) {
    // r.name is the catalog's own quoted spelling of the sequence (regclass output): safe as SQL.
    const { rows: state } = await client.query<{ last_value: string; is_called: boolean }>(
      `SELECT last_value::text AS last_value, is_called FROM ${r.name}`,
    );
    out.push({ ...r, lastValue: state[0].last_value, isCalled: state[0].is_called });
  }
  return out;
}

/** The first table (besides the migrations' history) holding a row, or null for an empty database. */
export async function firstTableWithRows(client: ClientBase): Promise<string | null> {
  for (const table of await listTables(client)) {
    if (table.name === "_prisma_migrations") continue;
    const { rows } = await client.query(`SELECT EXISTS (SELECT 1 FROM ${quoteIdent(table.name)}) AS used`);
    if (rows[0].used) return table.name;
  }
  return null;
}

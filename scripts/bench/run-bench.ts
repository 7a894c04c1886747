// npm run bench [-- --articles 1000|10000] [--runs 20] [--regenerate] [--only explorer,report,…]
//
// Generates (once per size, then reuses) a synthetic archive in its own embedded PostgreSQL
// (BENCH_DATA_DIR, default .data/bench; BENCH_PG_PORT, default 54388; one database per size), then
// times the real route handlers in this process with real Request objects, as the integration tests
// do (no HTTP hop: what is measured is our code and the database, not Next's server or the
// loopback), and the same explorer queries straight through node-postgres for the API/SQL ratio.
// Prints one table and writes .data/bench-results/articles-<n>.{json,md} (the .md holds the plans).
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { ROOT } from "../database.mjs";
import { migrate } from "../migrate.mjs";
import { startPostgres } from "../pg.mjs";
import { type GeneratedShape, generateWorkspace } from "./generate-workspace";
import { fmt } from "./measure";
import { type Row, runScenarios } from "./scenarios";

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : (process.env[`BENCH_${name.toUpperCase()}`] ?? fallback);
}

const articles = Number(flag("articles", "1000"));
const runs = Number(flag("runs", "20"));
const only = flag("only", "").split(",").filter(Boolean);
const regenerate = process.argv.includes("--regenerate");
const dataDir = path.resolve(process.env.BENCH_DATA_DIR ?? path.join(ROOT, ".data", "bench"));
const port = Number(process.env.BENCH_PG_PORT ?? 54388);
const database = `bench_${articles}`;
const log = (line: string) => console.error(line);

// A server sized like a production one on this 24 GB machine rather than PostgreSQL's minimal
// defaults (128 MB of shared buffers, checkpoints every 1 GB of WAL): at 100k articles the archive's
// indexes are ~1.5 GB, and the bulk load would spend its time writing back evicted pages.
// synchronous_commit=off only lets the generator's commits skip the WAL flush wait.
const SERVER_FLAGS = ["shared_buffers=1GB", "max_wal_size=8GB", "checkpoint_timeout=30min", "synchronous_commit=off"];
const server = await startPostgres({ dataDir, port, database, flags: SERVER_FLAGS.flatMap((f) => ["-c", f]) });
process.env.DATABASE_URL = server.url;
const client = new pg.Client({ connectionString: server.url });
await client.connect();
try {
  // One run per archive: a second would find no finished marker while the first still generates, and empty it.
  const [{ locked }] = (
    await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock(hashtext('sourcedesk-bench')) AS locked")
  ).rows;
  if (!locked) throw new Error(`another benchmark run is using ${database}; wait for it to finish`);
  const marker = await client.query<{ d: string | null }>(
    "SELECT shobj_description(oid, 'pg_database') AS d FROM pg_database WHERE datname = current_database()",
  );
  let shape: (GeneratedShape & { generationSeconds: number; userId: string }) | null = marker.rows[0].d
    ? JSON.parse(marker.rows[0].d)
    : null;
  // No marker: a fresh database, or a generation that was interrupted (its rows are dropped too).
  if (regenerate || !shape) {
    if (shape || regenerate)
      log(`[bench] ${shape ? "--regenerate" : "no finished archive"}: dropping ${database}'s tables`);
    await client.query(`DROP SCHEMA public CASCADE; CREATE SCHEMA public; COMMENT ON DATABASE ${database} IS NULL`);
    shape = null;
  }
  log(`[bench] migrating ${database}: ${JSON.stringify(await migrate("deploy", { url: server.url, root: ROOT }))}`);
  if (!shape) {
    const { createUser } = await import("@/lib/users/create-user");
    const user = await createUser({
      email: `bench-${articles}@bench.local`,
      name: "Bench Editor",
      role: "editor",
      password: "bench-password-123",
    });
    log(`[bench] generating ${articles} articles…`);
    const t = performance.now();
    const connect = async () => {
      const writer = new pg.Client({ connectionString: server.url });
      await writer.connect();
      return writer;
    };
    const generated = await generateWorkspace(client, { articles, seed: 20261128, userId: user.id, log, connect });
    shape = { ...generated, generationSeconds: (performance.now() - t) / 1000, userId: user.id };
    await client.query(`COMMENT ON DATABASE ${database} IS '${JSON.stringify(shape).replace(/'/g, "''")}'`);
  } else {
    // Migrations may have added indexes or rewritten rows since the data was generated: measure
    // the steady state autovacuum reaches (statistics, visibility map for index-only scans).
    await client.query("VACUUM ANALYZE");
  }
  log(`[bench] archive: ${JSON.stringify(shape)}`);
  // The machine is shared: the load average beside the figures says how far to trust them.
  const loadBefore = os.loadavg()[0];
  const rows = await runScenarios({ client, shape, runs, only, log });
  const loadAverage = { before: loadBefore, after: os.loadavg()[0] };
  log(`[bench] load average ${loadBefore.toFixed(1)} before, ${loadAverage.after.toFixed(1)} after`);
  printTable(articles, shape, rows);
  const outDir = path.join(ROOT, ".data", "bench-results");
  mkdirSync(outDir, { recursive: true });
  writeFileSync(
    path.join(outDir, `articles-${articles}.json`),
    JSON.stringify(
      {
        articles,
        shape,
        runs,
        at: new Date().toISOString(),
        load: loadAverage,
        rows: rows.map(({ plan: _p, ...r }) => r),
      },
      null,
      2,
    ),
  );
  writeFileSync(
    path.join(outDir, `articles-${articles}.md`),
    rows
      .filter((r) => r.plan)
      .map((r) => `### ${r.name}\n\n\`\`\`\n${r.plan}\n\`\`\`\n`)
      .join("\n"),
  );
  log(`[bench] results in ${path.relative(ROOT, outDir)}/articles-${articles}.{json,md}`);
} finally {
  await client.end();
  const { db } = await import("@/lib/db");
  await db().$disconnect();
  await (globalThis as { reportPool?: pg.Pool }).reportPool?.end();
  const { closeImportPool, closeReadPool } = await import("@/lib/pg-pool");
  await Promise.all([closeImportPool(), closeReadPool()]);
  await server.stop();
  // The report pool and Prisma keep sockets open a little while: leave promptly.
  setTimeout(() => process.exit(process.exitCode ?? 0), 200).unref();
}

function printTable(n: number, shape: GeneratedShape & { generationSeconds: number }, rows: Row[]) {
  console.log(
    `\nSourcedesk bench: ${n} articles, ${shape.statements} statements, ${shape.claims} claims, ${shape.attributions} attributions, ${shape.sources} sources (generated in ${shape.generationSeconds.toFixed(1)} s)\n`,
  );
  const header = ["measure", "p50", "p95", "raw SQL p50", "raw SQL p95", "API/SQL", "notes"];
  const lines = rows.map((r) => [
    r.name,
    fmt(r.api.p50),
    fmt(r.api.p95),
    r.sql ? fmt(r.sql.p50) : "",
    r.sql ? fmt(r.sql.p95) : "",
    r.sql ? (r.api.p50 / r.sql.p50).toFixed(2) : "",
    r.note ?? "",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  console.log(row(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const l of lines) console.log(row(l));
}

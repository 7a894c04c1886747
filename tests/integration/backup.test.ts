import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { applyMigrations, localMigrations } from "@/lib/backup/apply-migrations";
import { openBackupWriter } from "@/lib/backup/backup-file";
import { readBackup } from "@/lib/backup/read-backup";
import { restoreBackup } from "@/lib/backup/restore-backup";
import { writeBackup } from "@/lib/backup/write-backup";
import { createEmptyDatabase, fingerprintDatabase, query, runScript } from "./fixtures/databases";
import { EDGE_BODY, seedEdgeCases } from "./fixtures/edge-seed";
import { writeGzipBomb } from "./fixtures/gzip-bomb";
import { makeUser } from "./helpers";
import { seedRafahGold } from "./seed-gold";

const dir = mkdtempSync(path.join(os.tmpdir(), "sourcedesk-backup-test-"));
const drops: (() => Promise<void>)[] = [];
let sourceUrl: string;
let edge: Awaited<ReturnType<typeof seedEdgeCases>>;

beforeAll(async () => {
  sourceUrl = process.env.DATABASE_URL!;
  const [editor, reviewer] = await Promise.all([makeUser("editor"), makeUser("reviewer")]);
  edge = await seedEdgeCases(editor, reviewer);
  await seedRafahGold(editor);
});

afterEach(() => vi.unstubAllEnvs());

// Each DROP DATABASE checkpoints and deletes a database's files: on a machine busy with disk work the
// handful of them took over a minute once, so they run side by side with a longer allowance.
afterAll(async () => {
  await Promise.all(drops.map((drop) => drop()));
  rmSync(dir, { recursive: true, force: true });
}, 180_000);

async function emptyDatabase(label: string) {
  const created = await createEmptyDatabase(label);
  drops.push(created.drop);
  return created;
}

async function backupTo(url: string, file: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const writer = await openBackupWriter(file);
    const stats = await writeBackup(client, writer);
    await writer.close();
    return stats;
  } finally {
    await client.end();
  }
}

const tableCount = async (url: string) =>
  Number(
    (await query<{ n: string }>(url, `SELECT count(*)::text AS n FROM pg_tables WHERE schemaname = 'public'`))[0].n,
  );

describe("npm run db:backup / db:restore", () => {
  it("restores into a fresh empty database with every table, row and sequence identical", {
    timeout: 120_000,
  }, async () => {
    const file = path.join(dir, "full.jsonl.gz");
    const before = await fingerprintDatabase(sourceUrl);
    const backup = await runScript("db-backup.ts", ["--out", file], sourceUrl);
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    const backupStats = JSON.parse(backup.stdout);
    expect(await fingerprintDatabase(sourceUrl)).toEqual(before); // a backup writes nothing

    // The header names the schema: every table (the catalog's, _prisma_migrations included) and the migrations.
    for await (const event of readBackup(file)) {
      if (event.kind !== "header") continue;
      expect(event.header).toMatchObject({ format: "sourcedesk-backup", version: 1, migrations: localMigrations() });
      expect(event.header.tables.map((t) => t.name).sort()).toEqual(
        Object.keys(before)
          .filter((k) => !k.startsWith("sequence "))
          .sort(),
      );
      break;
    }

    const target = await emptyDatabase("restore");
    const restore = await runScript("db-restore.ts", [file], target.url);
    expect(restore.stderr).toBe("");
    expect(restore.code).toBe(0);
    const restoreStats = JSON.parse(restore.stdout);
    expect(restoreStats).toMatchObject({ tables: backupStats.tables, rows: backupStats.rows, upgradedWith: [] });
    console.info(
      `[backup] ${backupStats.rows} rows in ${backupStats.tables} tables: backup ${backupStats.ms} ms, ` +
        `${statSync(file).size} bytes gzipped; restore ${restoreStats.ms} ms (timed inside the scripts)`,
    );

    expect(await fingerprintDatabase(target.url)).toEqual(before);
    const [restored] = await query<{ body: string; outlet: string }>(
      target.url,
      `SELECT body, outlet FROM "Article" WHERE id = $1`,
      [edge.article.id],
    );
    expect(restored.body).toBe(EDGE_BODY);
    expect(restored.outlet).toBe("Al-Wasat \u202eReuters");

    // The next audit event continues the sequence instead of colliding with a restored id.
    const [{ max }] = await query<{ max: string }>(target.url, `SELECT max(id)::text AS max FROM "AuditEvent"`);
    const [{ id }] = await query<{ id: string }>(
      target.url,
      `INSERT INTO "AuditEvent" (action, entity, "entityId") VALUES ('create', 'article', 'x') RETURNING id::text AS id`,
    );
    expect(BigInt(id)).toBeGreaterThan(BigInt(max));
  });

  it("refuses a database that holds data, and changes nothing", { timeout: 60_000 }, async () => {
    const file = path.join(dir, "refuse.jsonl");
    await backupTo(sourceUrl, file);
    const before = await fingerprintDatabase(sourceUrl);
    const restore = await runScript("db-restore.ts", [file], sourceUrl);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toMatch(/is not empty \(table \w+ has rows\).*Nothing was changed/);
    expect(await fingerprintDatabase(sourceUrl)).toEqual(before);
  });

  it.each([
    ["cut off mid-line", (text: string) => text.slice(0, Math.floor(text.length * 0.7)), /not JSON|incomplete/],
    ["cut off after a row", (text: string) => `${text.split("\n").slice(0, -3).join("\n")}\n`, /incomplete/],
    ["altered", (text: string) => text.replace(EDGE_BODY.slice(0, 20), "Breaking: talks end!"), /checksum/],
    ["not a backup", () => `{"hello":"world"}\n`, /not a Sourcedesk backup/],
  ])("refuses a file %s before touching the database", { timeout: 60_000 }, async (_label, damage, message) => {
    const file = path.join(dir, `damaged-${Math.random()}.jsonl`);
    await backupTo(sourceUrl, file);
    writeFileSync(file, damage(readFileSync(file, "utf8")));
    const target = await emptyDatabase("damaged");
    await expect(restoreBackup({ file, url: target.url })).rejects.toThrow(message);
    expect(await tableCount(target.url)).toBe(0);
  });

  it("refuses a file over SOURCEDESK_RESTORE_MAX_BYTES, or one that inflates past it, before touching the database", {
    timeout: 60_000,
  }, async () => {
    const file = path.join(dir, "limited.jsonl.gz");
    await backupTo(sourceUrl, file);
    const compressed = statSync(file).size;
    const inflated = gunzipSync(readFileSync(file)).length;
    const target = await emptyDatabase("limited");
    vi.stubEnv("SOURCEDESK_RESTORE_MAX_BYTES", String(compressed - 1));
    await expect(restoreBackup({ file, url: target.url })).rejects.toThrow(
      /is more than .* MB, the limit \(set SOURCEDESK_RESTORE_MAX_BYTES to raise it\)/,
    );
    vi.stubEnv("SOURCEDESK_RESTORE_MAX_BYTES", String(Math.floor((compressed + inflated) / 2)));
    await expect(restoreBackup({ file, url: target.url })).rejects.toThrow(/decompresses to more than/);
    expect(await tableCount(target.url)).toBe(0);
    vi.stubEnv("SOURCEDESK_RESTORE_MAX_BYTES", String(inflated));
    await expect(restoreBackup({ file, url: target.url })).resolves.toMatchObject({ tables: expect.any(Number) });
  });

  it("stops a gzip bomb (1 kB per inflated MB, no newline) at the line limit, in a process with 200 MB of heap", {
    timeout: 120_000,
  }, async () => {
    const file = path.join(dir, "bomb.jsonl.gz");
    writeGzipBomb(file, 2048); // 2 GB inflated, 2 MB on disk
    const target = await emptyDatabase("bomb");
    vi.stubEnv("NODE_OPTIONS", "--max-old-space-size=200");
    const started = Date.now();
    const restore = await runScript("db-restore.ts", [file], target.url);
    expect(restore.stderr).toMatch(/db:restore refused: Line 1 of .* is longer than \d+ characters/);
    expect(restore.code).toBe(1);
    console.info(`[backup] gzip bomb refused in ${Date.now() - started} ms`);
    expect(await tableCount(target.url)).toBe(0);
  });

  it("restores a backup made before the latest migration, then upgrades it", { timeout: 120_000 }, async () => {
    const [first, ...later] = localMigrations();
    const old = await emptyDatabase("old_schema");
    await applyMigrations(old.url, [first]);
    await query(
      old.url,
      `INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt") VALUES (gen_random_uuid(), 'old@example.org', 'Ödön 👴', 'editor', 'x', now())`,
    );
    const file = path.join(dir, "old.jsonl.gz");
    const stats = await backupTo(old.url, file);
    expect(stats.migrations).toEqual([first]);

    const target = await emptyDatabase("upgraded");
    const restored = await restoreBackup({ file, url: target.url });
    expect(restored.upgradedWith).toEqual(later);
    const migrations = await query<{ migration_name: string }>(
      target.url,
      `SELECT migration_name FROM _prisma_migrations ORDER BY 1`,
    );
    expect(migrations.map((m) => m.migration_name)).toEqual([first, ...later]);
    expect(await query(target.url, `SELECT name FROM "User"`)).toEqual([{ name: "Ödön 👴" }]);
  });
});

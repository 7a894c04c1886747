import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate } from "@/scripts/migrate.mjs";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

/** The migrations this version of the code has, oldest first. */
export function localMigrations(root = ROOT): string[] {
  const dir = path.join(root, "prisma", "migrations");
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort();
}

/**
 * Brings a database to the schema of `names` (a prefix of the local migrations), or to the latest
 * when omitted. Restoring an older backup: its rows go into the schema they were written for, and
 * the newer migrations then upgrade them like any other data.
 */
export async function applyMigrations(url: string, names?: string[], root = ROOT): Promise<void> {
  const all = localMigrations(root);
  if (!names || names.length === all.length) {
    await migrate("deploy", { url, root });
    return;
  }
  const staged = mkdtempSync(path.join(os.tmpdir(), "sourcedesk-migrations-"));
  try {
    for (const file of ["schema.prisma", "migrations/migration_lock.toml"]) {
      cpSync(path.join(root, "prisma", file), path.join(staged, "prisma", file), { recursive: true });
    }
    for (const name of names)
      cpSync(path.join(root, "prisma", "migrations", name), path.join(staged, "prisma", "migrations", name), {
        recursive: true,
      });
    await migrate("deploy", { url, root: staged });
  } finally {
    rmSync(staged, { recursive: true, force: true });
  }
}

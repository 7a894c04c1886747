import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { envNumber } from "@/lib/env";
import { readBackupLines } from "./backup-file";
import type { InputLimit } from "./bounded-read";
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupHeader, type BackupSequence } from "./format";

/** A backup that cannot be used as it is; the message says why, for the person restoring. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}

/**
 * The largest backup db:restore reads, compressed or not, and the most its gzip may inflate to
 * (a gzip bomb is stopped there): 16 GiB unless SOURCEDESK_RESTORE_MAX_BYTES says otherwise.
 */
export function restoreLimit(): InputLimit {
  const variable = "SOURCEDESK_RESTORE_MAX_BYTES";
  return {
    maxBytes: envNumber(variable, { default: 16 * 1024 ** 3, min: 1 }),
    variable,
    fail: (m) => new BackupError(m),
  };
}

export type BackupEvent =
  | { kind: "header"; header: BackupHeader }
  | { kind: "table"; table: string; columns: string[] }
  | { kind: "row"; table: string; values: (string | null)[] }
  | { kind: "tableEnd"; table: string; rows: number }
  | { kind: "sequences"; sequences: BackupSequence[] }
  | { kind: "end"; tables: number; rows: number };

/**
 * Reads a backup as a stream of checked events: header first, tables as announced, each row as
 * wide as its table, every table's row count and the file's SHA-256 as its footer says. A cut-off
 * or altered file throws a BackupError — at the latest at its last line, so verify before loading.
 */
export async function* readBackup(file: string): AsyncGenerator<BackupEvent> {
  const hash = createHash("sha256");
  let header: BackupHeader | null = null;
  let current: { table: string; columns: string[]; rows: number } | null = null;
  const seen = new Set<string>();
  let total = 0;
  let ended = false;
  let lineNumber = 0;
  for await (const line of readBackupLines(file, restoreLimit())) {
    lineNumber++;
    if (ended) throw new BackupError(`Line ${lineNumber}: data after the end of the backup`);
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new BackupError(`Line ${lineNumber} is not JSON: the file is damaged or cut off`);
    }
    const record = value as Record<string, unknown>;
    if (!header) {
      if (record?.format !== BACKUP_FORMAT)
        throw new BackupError(`${file} is not a Sourcedesk backup (no "${BACKUP_FORMAT}" header)`);
      if (record.version !== BACKUP_VERSION)
        throw new BackupError(
          `Backup format version ${String(record.version)} is not supported (this version reads ${BACKUP_VERSION})`,
        );
      header = record as unknown as BackupHeader;
      hash.update(`${line}\n`);
      yield { kind: "header", header };
      continue;
    }
    if (Array.isArray(value)) {
      if (!current) throw new BackupError(`Line ${lineNumber}: a row outside any table`);
      if (value.length !== current.columns.length || !value.every((v) => v === null || typeof v === "string")) {
        throw new BackupError(
          `Line ${lineNumber}: a row of ${current.table} does not match its ${current.columns.length} columns`,
        );
      }
      current.rows++;
      hash.update(`${line}\n`);
      yield { kind: "row", table: current.table, values: value as (string | null)[] };
    } else if (typeof record.table === "string") {
      if (current)
        throw new BackupError(`Line ${lineNumber}: table ${record.table} begins before ${current.table} ended`);
      const announced = header.tables.find((t) => t.name === record.table);
      if (!announced || seen.has(announced.name))
        throw new BackupError(`Line ${lineNumber}: unexpected table ${String(record.table)}`);
      if (JSON.stringify(record.columns) !== JSON.stringify(announced.columns.map((c) => c.name))) {
        throw new BackupError(`Line ${lineNumber}: the columns of ${announced.name} differ from the header's`);
      }
      current = { table: announced.name, columns: record.columns as string[], rows: 0 };
      seen.add(announced.name);
      hash.update(`${line}\n`);
      yield { kind: "table", table: current.table, columns: current.columns };
    } else if (record.end === "backup") {
      if (current) throw new BackupError(`The backup ends inside table ${current.table}`);
      if (record.sha256 !== hash.digest("hex"))
        throw new BackupError("The backup's checksum does not match its contents: the file was altered or damaged");
      if (seen.size !== header.tables.length || record.rows !== total)
        throw new BackupError("The backup's footer does not match its tables and rows");
      ended = true;
      yield { kind: "end", tables: seen.size, rows: total };
    } else if (typeof record.end === "string") {
      if (!current || record.end !== current.table)
        throw new BackupError(`Line ${lineNumber}: end of a table that did not begin`);
      if (record.rows !== current.rows)
        throw new BackupError(
          `Table ${current.table} should have ${String(record.rows)} rows, the file holds ${current.rows}`,
        );
      total += current.rows;
      hash.update(`${line}\n`);
      yield { kind: "tableEnd", table: current.table, rows: current.rows };
      current = null;
    } else if (Array.isArray(record.sequences)) {
      hash.update(`${line}\n`);
      yield { kind: "sequences", sequences: record.sequences as BackupSequence[] };
    } else {
      throw new BackupError(`Line ${lineNumber}: not a line of a backup`);
    }
  }
  if (!header) throw new BackupError(`${file} is empty`);
  if (!ended)
    throw new BackupError("The backup is incomplete (no end line): it was cut off while being written or copied");
}

/** Reads the whole file once without touching any database: the header, if everything checks out. */
export async function verifyBackup(file: string): Promise<{ header: BackupHeader; tables: number; rows: number }> {
  if (!existsSync(file)) throw new BackupError(`No such file: ${file}`);
  let header: BackupHeader | null = null;
  for await (const event of readBackup(file)) {
    if (event.kind === "header") header = event.header;
    if (event.kind === "end") return { header: header!, tables: event.tables, rows: event.rows };
  }
  throw new BackupError("The backup is incomplete");
}

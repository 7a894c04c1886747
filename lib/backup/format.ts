/**
 * The backup file: JSON lines, optionally gzipped (detected by its magic bytes, not its name).
 *
 *   {"format":"sourcedesk-backup","version":1,"createdAt":…,"migrations":[…],"tables":[…]}   header
 *   {"table":"User","columns":["id","email",…]}                                              a table begins
 *   ["6f1c…","editor@example.org",…]                                                        one row: every value as
 *   …                                                                                        PostgreSQL's text form or null
 *   {"end":"User","rows":3}                                                                  the table ends
 *   …                                                                                        (tables parents-first)
 *   {"sequences":[{"name":"public.\"AuditEvent_id_seq\"","lastValue":"812","isCalled":true}]}
 *   {"end":"backup","tables":11,"rows":5120,"sha256":"…"}                                   sha256 of every line above
 *
 * Text forms round-trip exactly through a cast (`'…'::jsonb`, `'…'::timestamp(3)`, enums, uuids),
 * under the fixed session settings below, whatever the server's defaults.
 */
export const BACKUP_FORMAT = "sourcedesk-backup";
export const BACKUP_VERSION = 1;

/** Like pg_dump: output and input of dates, intervals, floats and bytes never depend on the server. */
export const SESSION_SETTINGS = [
  "SET DateStyle = 'ISO, YMD'",
  "SET IntervalStyle = 'postgres'",
  "SET TimeZone = 'UTC'",
  "SET extra_float_digits = 3",
  "SET bytea_output = 'hex'",
  "SET standard_conforming_strings = on",
];

export interface BackupColumn {
  name: string;
  type: string;
}
export interface BackupTable {
  name: string;
  columns: BackupColumn[];
  primaryKey: string[];
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  server: string;
  database: string;
  /** Names of the applied migrations (`_prisma_migrations`), oldest first: the schema the rows fit. */
  migrations: string[];
  /** Every table of the `public` schema, parents before the tables that refer to them. */
  tables: BackupTable[];
}

export interface BackupSequence {
  name: string;
  lastValue: string;
  isCalled: boolean;
}

export type BackupLine =
  | { table: string; columns: string[] }
  | { end: string; rows: number; tables?: number; sha256?: string }
  | { sequences: BackupSequence[] }
  | (string | null)[];

/** The one way identifiers enter SQL here: always quoted, embedded quotes doubled. */
export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

import { Prisma } from "@/lib/generated/prisma/client";
import { invalid } from "./errors";

/**
 * Keyset (cursor) pagination over raw SQL for any sort, the one cursor helper of every list (the
 * articles list, the claims explorer, unsourced statements): the cursor carries the last row's
 * sort keys, so page 1,000 costs what page 1 costs (no OFFSET). Keys travel as PostgreSQL text
 * and are cast back, so timestamps keep their exact precision. Cursors are opaque to clients
 * (base64url JSON naming their ordering); a forged or foreign one is a 400, never a 500.
 */
export interface SortKey {
  expr: Prisma.Sql;
  type: "timestamp" | "uuid" | "int";
  desc: boolean;
}
export interface Ordering {
  name: string;
  keys: SortKey[];
}

const sql = Prisma.sql;

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?$/;
const INT4 = { min: -(2 ** 31), max: 2 ** 31 - 1 };

/** True for a timestamp PostgreSQL can read back: a real calendar day and time of day, not just digits. */
function isTimestamp(value: string): boolean {
  const m = TIMESTAMP.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  return (
    year >= 1 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second
  );
}

// A forged cursor must fail here, with a 400, not in PostgreSQL's cast (22008, 22003: a 500).
const VALID_VALUE: Record<SortKey["type"], (value: string) => boolean> = {
  timestamp: isTimestamp,
  uuid: (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
  int: (v) => /^-?\d{1,10}$/.test(v) && Number(v) >= INT4.min && Number(v) <= INT4.max,
};

export function orderByClause(ordering: Ordering): Prisma.Sql {
  return Prisma.join(
    ordering.keys.map((k) => sql`${k.expr} ${Prisma.raw(k.desc ? "DESC" : "ASC")}`),
    ", ",
  );
}

/** `expr::text AS k0, …`: the values a cursor is made of. */
export function keyColumns(ordering: Ordering): Prisma.Sql {
  return Prisma.join(
    ordering.keys.map((k, i) => sql`CAST(${k.expr} AS text) AS ${Prisma.raw(`k${i}`)}`),
    ", ",
  );
}

const typed = (value: string, type: SortKey["type"]) => sql`CAST(${value} AS ${Prisma.raw(type)})`;

/** Rows strictly after the cursor in this ordering (TRUE without a cursor). */
export function afterKeys(ordering: Ordering, cursor: string | undefined): Prisma.Sql {
  if (!cursor) return sql`TRUE`;
  const values = decodeKeyset(ordering, cursor);
  const branches = ordering.keys.map((key, i) => {
    const equal = ordering.keys.slice(0, i).map((k, j) => sql`${k.expr} = ${typed(values[j], k.type)}`);
    const beyond = sql`${key.expr} ${Prisma.raw(key.desc ? "<" : ">")} ${typed(values[i], key.type)}`;
    return sql`(${Prisma.join([...equal, beyond], " AND ")})`;
  });
  // The OR is exact but no index can start from it; this implied bound on the first key lets the
  // walk begin at the cursor instead of reading and discarding every earlier row.
  const [first] = ordering.keys;
  const bound = sql`${first.expr} ${Prisma.raw(first.desc ? "<=" : ">=")} ${typed(values[0], first.type)}`;
  return sql`(${bound} AND (${Prisma.join(branches, " OR ")}))`;
}

export function encodeKeyset(ordering: Ordering, row: Record<string, unknown>): string {
  const k = ordering.keys.map((_, i) => String(row[`k${i}`]));
  return Buffer.from(JSON.stringify({ s: ordering.name, k })).toString("base64url");
}

function decodeKeyset(ordering: Ordering, cursor: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    parsed = null;
  }
  const { s, k } = (parsed ?? {}) as { s?: unknown; k?: unknown };
  const valid =
    s === ordering.name &&
    Array.isArray(k) &&
    k.length === ordering.keys.length &&
    ordering.keys.every((key, i) => typeof k[i] === "string" && VALID_VALUE[key.type](k[i]));
  if (!valid) throw invalid(["cursor"], "The cursor is invalid for this sort; start again without one");
  return k as string[];
}

/** Fetch limit + 1 rows; this trims the extra one and makes the next cursor. */
export function keysetPage<T extends Record<string, unknown>>(ordering: Ordering, rows: T[], limit: number) {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeKeyset(ordering, items[items.length - 1]) : null };
}

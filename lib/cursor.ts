import { z } from "zod";
import { AppError } from "./errors";

/** Keyset cursor over (createdAt desc, id desc): opaque to clients, stable under inserts. */
const cursorSchema = z.object({ t: z.iso.datetime(), id: z.uuid() }).strict();

export function encodeCursor(row: { createdAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify({ t: row.createdAt.toISOString(), id: row.id })).toString("base64url");
}

export function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const { t, id } = cursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    return { createdAt: new Date(t), id };
  } catch {
    throw new AppError("validation_error", "The cursor is invalid; start again without one", [
      { path: ["cursor"], message: "Invalid cursor" },
    ]);
  }
}

/** The Prisma `where` for rows after the cursor in (createdAt desc, id desc) order. */
export function afterCursor(cursor: string | undefined) {
  if (!cursor) return {};
  const { createdAt, id } = decodeCursor(cursor);
  return { OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] };
}

/** Fetch limit + 1 rows; this trims the extra one and tells whether there is a next page. */
export function pageOf<T extends { createdAt: Date; id: string }>(rows: T[], limit: number) {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]) : null };
}

export const keysetOrder = [{ createdAt: "desc" as const }, { id: "desc" as const }];

import { AppError } from "./errors";

/** Maps the database errors a valid-looking request can still hit to API errors. */
export function mapPrismaError(error: unknown): AppError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (isWriteConflict(error)) return new AppError("conflict", "A concurrent change got in the way; please retry");
  if (code === "P2002") return new AppError("conflict", "A record with these values already exists");
  if (code === "P2025") return new AppError("not_found", "The record no longer exists");
  if (code === "P2003") return new AppError("conflict", "The record is still referenced or refers to a missing record");
  return null;
}

/**
 * A deadlock or serialization failure (PostgreSQL 40P01, 40001): nothing was written and a retry
 * will likely pass. Prisma reports it as P2034 from its own queries, and as P2010 carrying the
 * adapter's TransactionWriteConflict from raw ones (row locks, the facet triggers).
 */
function isWriteConflict(error: unknown): boolean {
  const e = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown } } } } | null;
  return (
    e?.code === "P2034" ||
    (e?.code === "P2010" && e.meta?.driverAdapterError?.cause?.kind === "TransactionWriteConflict")
  );
}

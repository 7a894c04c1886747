import { AppError } from "./errors";

/** Maps the database errors a valid-looking request can still hit to API errors. */
export function mapPrismaError(error: unknown): AppError | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "P2002") return new AppError("conflict", "A record with these values already exists");
  if (code === "P2025") return new AppError("not_found", "The record no longer exists");
  if (code === "P2003") return new AppError("conflict", "The record is still referenced or refers to a missing record");
  if (code === "P2034") return new AppError("conflict", "A concurrent change got in the way; please retry");
  return null;
}

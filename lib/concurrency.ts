import { notFound, staleVersion } from "./errors";

/**
 * Explains why a guarded write (`where: {id, version}`) touched no row: the record is gone (404)
 * or someone else changed it first (409). Always throws.
 */
export function refuseUnapplied(entity: string, current: { version: number } | null): never {
  if (!current) throw notFound(entity.charAt(0).toUpperCase() + entity.slice(1));
  throw staleVersion(entity, current.version);
}

import type { ClientBase } from "pg";
import { db } from "@/lib/db";

/**
 * Folds the facet-count tables' appended rows into one per key (sourcedesk_compact_facet_counts:
 * one caller at a time, the others return at once). Writers append two rows per claim change, a
 * bulk import one per key and batch, so readers would sum ever more rows without it.
 */
export async function compactFacetCounts(client?: ClientBase): Promise<void> {
  if (client) await client.query("SELECT sourcedesk_compact_facet_counts()");
  else await db().$executeRaw`SELECT sourcedesk_compact_facet_counts()`;
}

const globalForCompaction = globalThis as unknown as { facetCompactedAt?: number };

/** At most once a minute per app server, after a facet read, in the background (errors are only logged). */
export function compactFacetCountsSoon(): void {
  const now = Date.now();
  if (now - (globalForCompaction.facetCompactedAt ?? 0) < 60_000) return;
  globalForCompaction.facetCompactedAt = now;
  compactFacetCounts().catch((error) => console.error("[facets] compaction failed", error));
}

import type { ClientBase } from "pg";
import { db } from "@/lib/db";

/**
 * Folds the facet-count tables' appended rows into one per key (sourcedesk_compact_facet_counts:
 * one caller at a time, the others return at once). Writers append two rows per claim change, a
 * bulk import one per key and batch, so readers would sum ever more rows without it.
 */
export async function compactFacetCounts(client?: ClientBase, options: { fold?: boolean } = {}): Promise<void> {
  // Without the fold: a bulk loader of claims folds the source months once at the end (migration
  // incremental_source_fold, sourcedesk_compact_counts).
  const fn = options.fold === false ? "sourcedesk_compact_counts" : "sourcedesk_compact_facet_counts";
  if (client) await client.query(`SELECT ${fn}()`);
  else await db().$executeRawUnsafe(`SELECT ${fn}()`);
}

const globalForCompaction = globalThis as unknown as { facetCompactedAt?: number };

/** At most once a minute per app server, after a facet read, in the background (errors are only logged). */
export function compactFacetCountsSoon(): void {
  const now = Date.now();
  if (now - (globalForCompaction.facetCompactedAt ?? 0) < 60_000) return;
  globalForCompaction.facetCompactedAt = now;
  compactFacetCounts().catch((error) => console.error("[facets] compaction failed", error));
}

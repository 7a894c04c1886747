import { db } from "@/lib/db";
import type { Section } from "./format";
import { readSection } from "./read-workspace";
import { serializeWorkspace, type TextSink } from "./serialize-workspace";

/**
 * Writes the whole workspace as one sourcedesk-workspace document, read in one REPEATABLE READ
 * transaction (a consistent moment, however long the export takes).
 */
export async function exportWorkspace(sink: TextSink): Promise<Record<Section, number>> {
  return db().$transaction((tx) => serializeWorkspace(sink, (section) => readSection(tx, section)), {
    isolationLevel: "RepeatableRead",
    timeout: 60 * 60_000,
    maxWait: 30_000,
  });
}

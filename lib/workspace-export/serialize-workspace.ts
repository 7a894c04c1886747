import { SECTIONS, type Section, WORKSPACE_FORMAT, WORKSPACE_VERSION } from "./format";

export interface TextSink {
  write(text: string): Promise<void>;
}

/**
 * Writes the workspace document: fixed key order, one record per line, two-space indent, "\n"
 * line ends and a final newline. The same records therefore always give the same bytes, and a
 * huge workspace streams out without ever being one string in memory.
 */
export async function serializeWorkspace(
  sink: TextSink,
  records: (section: Section) => AsyncIterable<unknown>,
): Promise<Record<Section, number>> {
  const counts = {} as Record<Section, number>;
  await sink.write(`{\n  "format": ${JSON.stringify(WORKSPACE_FORMAT)},\n  "version": ${WORKSPACE_VERSION},\n`);
  for (const [i, section] of SECTIONS.entries()) {
    let n = 0;
    await sink.write(`  ${JSON.stringify(section)}: [`);
    for await (const record of records(section)) {
      await sink.write(`${n ? "," : ""}\n    ${JSON.stringify(record)}`);
      n++;
    }
    await sink.write(`${n ? "\n  " : ""}]${i < SECTIONS.length - 1 ? "," : ""}\n`);
    counts[section] = n;
  }
  await sink.write("}\n");
  return counts;
}

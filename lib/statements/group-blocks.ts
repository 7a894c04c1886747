import type { StatementKind } from "@/lib/generated/prisma/enums";

export interface StatementLike {
  kind: StatementKind;
  start: number;
  end: number;
}

export type Block<S> = { kind: "heading"; statement: S } | { kind: "paragraph"; statements: S[] };

/**
 * Groups statements for display: a heading stands alone; sentences share a paragraph until the
 * text between two of them holds a blank line.
 */
export function groupBlocks<S extends StatementLike>(body: string, statements: S[]): Block<S>[] {
  const blocks: Block<S>[] = [];
  let previous: S | null = null;
  for (const statement of statements) {
    const last = blocks[blocks.length - 1];
    const gap = previous ? body.slice(previous.end, statement.start) : "";
    if (statement.kind === "heading") blocks.push({ kind: "heading", statement });
    else if (last?.kind === "paragraph" && !/\n[^\S\n]*\n/.test(gap)) last.statements.push(statement);
    else blocks.push({ kind: "paragraph", statements: [statement] });
    previous = statement;
  }
  return blocks;
}

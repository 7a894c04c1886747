import type { StatementKind } from "@/lib/generated/prisma/enums";
import type { Span } from "@/lib/spans/check-span";

interface StatementLike extends Span {
  id: string;
  kind: StatementKind;
}
interface ClaimLike extends Span {
  orphaned?: boolean;
  attributions: unknown[];
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/**
 * A sentence counts as sourced when an attributed (and not orphaned) claim overlaps it; headings
 * are never claims and do not count.
 */
export function measureCoverage<S extends StatementLike>(statements: S[], claims: ClaimLike[]) {
  const attributed = claims.filter((c) => c.attributions.length > 0 && !c.orphaned);
  const sentences = statements.filter((s) => s.kind === "sentence");
  const unsourced = sentences.filter((s) => !attributed.some((c) => overlaps(c, s)));
  return { sentences: sentences.length, sourced: sentences.length - unsourced.length, unsourced };
}

/** The statement holding an offset (the one a claim starts in). */
export function statementAt<S extends Span>(statements: S[], offset: number): S | undefined {
  return statements.find((s) => offset >= s.start && offset < s.end) ?? statements.find((s) => offset < s.end);
}

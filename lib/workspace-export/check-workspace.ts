import { sourceUniqueKey } from "@/lib/sources/source-key";
import { spanProblem } from "@/lib/spans/check-span";
import type { WorkspaceFile } from "./format";

const MAX_PROBLEMS = 50;

/**
 * What the schema cannot see: ids unique, every reference resolving inside the file, every span
 * inside its article and carrying exactly the text it claims. Empty when the file can be imported
 * as it is; otherwise the problems, with where they are (`claims[3].parts[1]`).
 */
export function checkWorkspace(file: WorkspaceFile): string[] {
  const problems: string[] = [];
  const report = (where: string, what: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(`${where}: ${what}`);
  };

  const ids = (section: string, records: { id: string }[]) => {
    const seen = new Set<string>();
    records.forEach((r, i) => {
      if (seen.has(r.id)) report(`${section}[${i}]`, `duplicate id ${r.id}`);
      seen.add(r.id);
    });
    return seen;
  };
  const users = ids("users", file.users);
  const sources = ids("sources", file.sources);
  const articles = new Map(file.articles.map((a) => [a.id, a.body]));
  ids("articles", file.articles);
  ids(
    "statements",
    file.articles.flatMap((a) => a.statements),
  );
  ids(
    "rejectedSuggestions",
    file.articles.flatMap((a) => a.rejectedSuggestions),
  );
  const claims = new Map(file.claims.map((c) => [c.id, c.articleId]));
  ids("claims", file.claims);
  ids("attributions", file.attributions);

  const unique = (section: string, values: (string | null)[], what: string) => {
    const seen = new Set<string>();
    values.forEach((v, i) => {
      if (v !== null && seen.has(v)) report(`${section}[${i}]`, `duplicate ${what} ${v}`);
      if (v !== null) seen.add(v);
    });
  };
  unique(
    "users",
    file.users.map((u) => u.email),
    "email",
  );
  unique(
    "sources",
    file.sources.map((s) => sourceUniqueKey(s.type, s.name)),
    "named source",
  );

  const span = (where: string, body: string, s: { start: number; end: number; text?: string }) => {
    const problem = spanProblem(body, s);
    if (problem) report(where, problem);
    else if (s.text !== undefined && s.text !== body.slice(s.start, s.end))
      report(where, "text differs from the article at these offsets");
  };
  const ref = (where: string, set: { has(id: string): boolean }, id: string | null, what: string) => {
    if (id !== null && !set.has(id)) report(where, `unknown ${what} ${id}`);
  };

  file.articles.forEach((a, i) => {
    ref(`articles[${i}].createdById`, users, a.createdById, "user");
    a.statements.forEach((s, j) => {
      if (s.ordinal !== j) report(`articles[${i}].statements[${j}]`, `ordinal ${s.ordinal} out of order`);
      span(`articles[${i}].statements[${j}]`, a.body, s);
    });
    unique(
      `articles[${i}].rejectedSuggestions`,
      a.rejectedSuggestions.map((r) => r.key),
      "key",
    );
  });
  file.claims.forEach((c, i) => {
    const body = articles.get(c.articleId);
    ref(`claims[${i}].createdById`, users, c.createdById, "user");
    if (body === undefined) {
      report(`claims[${i}].articleId`, `unknown article ${c.articleId}`);
      return;
    }
    // An orphaned claim keeps the quote it lost on a placeholder span: only the span must be valid.
    span(`claims[${i}]`, body, c.orphaned ? { start: c.start, end: c.end } : c);
    c.parts?.forEach((p, j) => {
      span(`claims[${i}].parts[${j}]`, body, p);
      if (j > 0 && p.start < c.parts![j - 1].end)
        report(`claims[${i}].parts[${j}]`, "parts overlap or are out of order");
    });
    if (c.parts && !c.orphaned && (c.parts[0]?.start !== c.start || c.parts.at(-1)?.end !== c.end))
      report(`claims[${i}].parts`, "parts do not span the claim");
  });
  file.attributions.forEach((a, i) => {
    ref(`attributions[${i}].createdById`, users, a.createdById, "user");
    ref(`attributions[${i}].sourceId`, sources, a.sourceId, "source");
    ref(`attributions[${i}].viaSourceId`, sources, a.viaSourceId, "source");
    if (a.viaSourceId !== null && a.viaSourceId === a.sourceId)
      report(`attributions[${i}].viaSourceId`, "a source cannot reach the article through itself");
    const articleId = claims.get(a.claimId);
    if (articleId === undefined) {
      report(`attributions[${i}].claimId`, `unknown claim ${a.claimId}`);
      return;
    }
    const body = articles.get(articleId);
    if (body === undefined) return;
    if (a.cue) span(`attributions[${i}].cue`, body, a.cue);
    if (a.mention) span(`attributions[${i}].mention`, body, a.mention);
  });
  return problems;
}

import { Prisma } from "@/lib/generated/prisma/client";
import { likePattern } from "@/lib/like";
import { modeMask, NAMED_TYPES_MASK, sourceTypeMask } from "./facet-masks";
import { CLAIM_ONLY_FILTERS, type ClaimFilters, type FilterKey } from "./schema";

/**
 * The explorer's filters as SQL, in one place: the claims list, its facets, the sourcing report and
 * the streaming exports all select with these. Claim queries alias "Claim" as c; statement queries
 * alias "Statement" as st and "Article" as ar.
 */
const sql = Prisma.sql;
type Sql = Prisma.Sql;

/** The date a reviewer means by "this week's stories": publication, else when it was added. */
export const ARTICLE_DATE = Prisma.raw(`coalesce(ar."publishedAt", ar."createdAt")`);

const and = (parts: Sql[]) => (parts.length ? Prisma.join(parts, " AND ") : sql`TRUE`);

/** Where a query finds the article's id and date: the article itself, or a claim's copies of them. */
interface ArticleColumns {
  id: Sql;
  date: Sql;
}
const OF_ARTICLE: ArticleColumns = { id: Prisma.raw("ar.id"), date: ARTICLE_DATE };
const OF_CLAIM: ArticleColumns = { id: Prisma.raw(`c."articleId"`), date: Prisma.raw(`c."articleDate"`) };

/** Conditions on the article (its id and date), for claims and statements alike. */
function articleConditions(f: ClaimFilters, omit?: FilterKey, on: ArticleColumns = OF_ARTICLE): Sql[] {
  const parts: Sql[] = [];
  if (f.articleId?.length && omit !== "articleId") parts.push(sql`${on.id} = ANY(CAST(${f.articleId} AS uuid[]))`);
  if (f.from && omit !== "from") parts.push(sql`${on.date} >= CAST(${f.from} AS date)`);
  if (f.to && omit !== "to") parts.push(sql`${on.date} < CAST(${f.to} AS date) + 1`);
  return parts;
}

/** `>= from AND < to + 1` on a date or timestamp column: the from/to days, inclusive. */
export function dateRange(on: Sql, f: { from?: string; to?: string }): Sql[] {
  const parts: Sql[] = [];
  if (f.from) parts.push(sql`${on} >= CAST(${f.from} AS date)`);
  if (f.to) parts.push(sql`${on} < CAST(${f.to} AS date) + 1`);
  return parts;
}

/** True when a filter that only claims can satisfy is set (unsourced statements then match nothing). */
export function hasClaimOnlyFilter(f: ClaimFilters, omit?: FilterKey): boolean {
  return CLAIM_ONLY_FILTERS.some(
    (key) => key !== omit && f[key] !== undefined && (!Array.isArray(f[key]) || f[key].length > 0),
  );
}

/**
 * Claim c's bitmask column has one of the mask's bits. Masks are numbers computed from validated
 * enum values, written into the SQL so the expression matches its statistics (migration
 * claim_named_sources_statistics) exactly.
 */
export const anyBit = (column: "sourceTypeMask" | "modeMask", mask: number) =>
  Prisma.raw(`(c."${column}" & ${mask}) <> 0`);

/** Claim c names at least one of its sources. */
export const NAMED_SOURCE = anyBit("sourceTypeMask", NAMED_TYPES_MASK);
/** Claim c is attributed, and only to anonymous sources. */
export const ANONYMOUS_ONLY = Prisma.raw(
  `(c."sourceTypeMask" <> 0 AND (c."sourceTypeMask" & ${NAMED_TYPES_MASK}) = 0)`,
);

/**
 * The WHERE condition selecting claims c; `omit` leaves one filter out, for facets. Every test is
 * on the claim's own facet columns (kept by triggers from its article and attributions, see
 * schema.prisma), so it needs no join and the explorer's walks can filter inside an index.
 */
export function claimCondition(f: ClaimFilters, omit?: FilterKey): Sql {
  const parts = articleConditions(f, omit, OF_CLAIM);
  if (f.unsourced === true && omit !== "unsourced") parts.push(sql`FALSE`);
  if (f.sourceType?.length && omit !== "sourceType") parts.push(anyBit("sourceTypeMask", sourceTypeMask(f.sourceType)));
  if (f.anonymous !== undefined && omit !== "anonymous") {
    parts.push(f.anonymous ? ANONYMOUS_ONLY : NAMED_SOURCE);
  }
  if (f.affiliation?.length && omit !== "affiliation") {
    parts.push(sql`c.affiliations && CAST(${f.affiliation.map((a) => a.toLowerCase())} AS text[])`);
  }
  if (f.mode?.length && omit !== "mode") parts.push(anyBit("modeMask", modeMask(f.mode)));
  if (f.via !== undefined && omit !== "via") parts.push(f.via ? sql`c."secondHand"` : sql`NOT c."secondHand"`);
  if (f.reviewStatus?.length && omit !== "reviewStatus")
    parts.push(sql`c."reviewStatus" = ANY(CAST(${f.reviewStatus} AS "ReviewStatus"[]))`);
  // Claim text or a source's or via's name: both trigram-indexed on the claim row, so the planner
  // can walk the newest claims for a common phrase or look a rare name up in the indexes.
  if (f.q && omit !== "q")
    parts.push(sql`(c.text ILIKE ${likePattern(f.q)} OR c."sourceNames" ILIKE ${likePattern(f.q)})`);
  return and(parts);
}

/**
 * Sentence st is covered by no attributed claim. Statement.sourced is kept by triggers (an
 * orphaned claim, whose text was edited away, sources nothing); the articles list counts the same
 * way, and a partial index holds exactly these sentences.
 */
export const UNSOURCED_SENTENCE = sql`st.kind = 'sentence' AND NOT st.sourced`;

/** The statement text as PostgreSQL sees it (offsets are UTF-16 units, substr counts code points: close enough to search). */
export const STATEMENT_TEXT = sql`substr(ar.body, st.start + 1, st."end" - st.start)`;

/** Bodies up to this many bytes are searched sentence by sentence; longer ones in one pass. */
const LONG_BODY_BYTES = 20_000;

/**
 * Sentence st (of article ar) contains the pattern. substr decompresses and walks a body from its
 * start on every call: fine for a news story, quadratic for a long one (a 0.9 MB article of 12,000
 * sentences took 93 s for one phrase). The sentences of long bodies are matched instead by
 * sourcedesk_unsourced_matching, linear in the body, once per query for every long article holding
 * the phrase (an uncorrelated subquery: PostgreSQL hashes its ids). The per-sentence form stays for
 * the rest so the explorer keeps walking the newest articles and stopping at a page (an article-level
 * `body ILIKE` would be estimated rare and make it read every match first: 0.2 → 13 s at 10k).
 */
function statementTextMatches(pattern: string): Sql {
  return sql`(CASE WHEN octet_length(ar.body) <= ${LONG_BODY_BYTES} THEN ${STATEMENT_TEXT} ILIKE ${pattern}
    ELSE st.id IN (SELECT m.id FROM "Article" lb CROSS JOIN LATERAL sourcedesk_unsourced_matching(lb.id, lb.body, ${pattern}) m
      WHERE octet_length(lb.body) > ${LONG_BODY_BYTES} AND lb.body ILIKE ${pattern}) END)`;
}

/**
 * The WHERE condition selecting unsourced sentences st (joined to ar). Filters that only claims can
 * satisfy exclude every statement, so combined filters mean "and", as everywhere else.
 */
export function unsourcedCondition(f: ClaimFilters, omit?: FilterKey): Sql {
  if (hasClaimOnlyFilter(f, omit)) return sql`FALSE`;
  const parts = [UNSOURCED_SENTENCE, ...articleConditions(f, omit)];
  if (f.q && omit !== "q") parts.push(statementTextMatches(likePattern(f.q)));
  return and(parts);
}

/** The WHERE condition selecting the articles a report covers (the article-level filters only). */
export function articleCondition(f: ClaimFilters): Sql {
  return and(articleConditions(f));
}

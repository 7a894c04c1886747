import { Prisma } from "@/lib/generated/prisma/client";
import { ANONYMOUS_SOURCE_TYPES } from "@/lib/sources/source-types";
import { CLAIM_ONLY_FILTERS, type ClaimFilters, type FilterKey } from "./schema";

/**
 * The explorer's filters as SQL, in one place: the claims list, its facets, the sourcing report and
 * the streaming exports all select with these. Claim queries alias "Claim" as c and "Article" as
 * ar; statement queries alias "Statement" as st and "Article" as ar.
 */
const sql = Prisma.sql;
type Sql = Prisma.Sql;

/** The date a reviewer means by "this week's stories": publication, else when it was added. */
export const ARTICLE_DATE = Prisma.raw(`coalesce(ar."publishedAt", ar."createdAt")`);

const and = (parts: Sql[]) => (parts.length ? Prisma.join(parts, " AND ") : sql`TRUE`);

/** Some attribution of claim c whose source (s) or via source (v) satisfies the condition. */
const someAttribution = (condition: Sql) => sql`EXISTS (
  SELECT 1 FROM "Attribution" a JOIN "Source" s ON s.id = a."sourceId" LEFT JOIN "Source" v ON v.id = a."viaSourceId"
  WHERE a."claimId" = c.id AND ${condition})`;

const ANONYMOUS = sql`CAST(${[...ANONYMOUS_SOURCE_TYPES]} AS "SourceType"[])`;

/** `%` and `_` typed in the search box are literal characters, not patterns. */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

/** Conditions on the article (and so on claims and statements alike). */
function articleConditions(f: ClaimFilters, omit?: FilterKey): Sql[] {
  const parts: Sql[] = [];
  if (f.articleId?.length && omit !== "articleId") parts.push(sql`ar.id = ANY(CAST(${f.articleId} AS uuid[]))`);
  if (f.from && omit !== "from") parts.push(sql`${ARTICLE_DATE} >= CAST(${f.from} AS date)`);
  if (f.to && omit !== "to") parts.push(sql`${ARTICLE_DATE} < CAST(${f.to} AS date) + 1`);
  return parts;
}

/**
 * Ids of claims whose text, source name or via source name contains the pattern. A union of three
 * trigram-indexed lookups: an OR across the claim and an EXISTS defeats the indexes and scanned
 * every claim (about 1 s at 200k claims).
 */
const claimsMatchingText = (pattern: string) => sql`
  SELECT tc.id FROM "Claim" tc WHERE tc.text ILIKE ${pattern}
  UNION SELECT ta."claimId" FROM "Attribution" ta WHERE ta."sourceId" IN (SELECT ts.id FROM "Source" ts WHERE ts.name ILIKE ${pattern})
  UNION SELECT ta."claimId" FROM "Attribution" ta WHERE ta."viaSourceId" IN (SELECT ts.id FROM "Source" ts WHERE ts.name ILIKE ${pattern})`;

/** True when a filter that only claims can satisfy is set (unsourced statements then match nothing). */
export function hasClaimOnlyFilter(f: ClaimFilters, omit?: FilterKey): boolean {
  return CLAIM_ONLY_FILTERS.some((key) => key !== omit && f[key] !== undefined && (!Array.isArray(f[key]) || f[key].length > 0));
}

/** The WHERE condition selecting claims c (joined to their article ar); `omit` leaves one filter out, for facets. */
export function claimCondition(f: ClaimFilters, omit?: FilterKey): Sql {
  const parts = articleConditions(f, omit);
  if (f.unsourced === true && omit !== "unsourced") parts.push(sql`FALSE`);
  if (f.sourceType?.length && omit !== "sourceType") parts.push(someAttribution(sql`s.type = ANY(CAST(${f.sourceType} AS "SourceType"[]))`));
  if (f.anonymous !== undefined && omit !== "anonymous") {
    const named = someAttribution(sql`NOT (s.type = ANY(${ANONYMOUS}))`);
    parts.push(f.anonymous ? sql`${someAttribution(sql`TRUE`)} AND NOT ${named}` : named);
  }
  if (f.affiliation?.length && omit !== "affiliation") {
    parts.push(someAttribution(sql`lower(s.affiliation) = ANY(CAST(${f.affiliation.map((a) => a.toLowerCase())} AS text[]))`));
  }
  if (f.mode?.length && omit !== "mode") parts.push(someAttribution(sql`a.mode = ANY(CAST(${f.mode} AS "AttributionMode"[]))`));
  if (f.via !== undefined && omit !== "via") {
    const secondHand = someAttribution(sql`a."viaSourceId" IS NOT NULL`);
    parts.push(f.via ? secondHand : sql`NOT ${secondHand}`);
  }
  if (f.reviewStatus?.length && omit !== "reviewStatus") parts.push(sql`c."reviewStatus" = ANY(CAST(${f.reviewStatus} AS "ReviewStatus"[]))`);
  if (f.q && omit !== "q") parts.push(sql`c.id IN (${claimsMatchingText(likePattern(f.q))})`);
  return and(parts);
}

/**
 * Sentence st is covered by no attributed claim. An orphaned claim (its text was edited away) sits
 * on a placeholder span, so it sources nothing; the articles list counts the same way.
 */
export const UNSOURCED_SENTENCE = sql`st.kind = 'sentence' AND NOT EXISTS (
  SELECT 1 FROM "Claim" c JOIN "Attribution" a ON a."claimId" = c.id
  WHERE c."articleId" = st."articleId" AND NOT c.orphaned AND c.start < st."end" AND c."end" > st.start)`;

/** The statement text as PostgreSQL sees it (offsets are UTF-16 units, substr counts code points: close enough to search). */
export const STATEMENT_TEXT = sql`substr(ar.body, st.start + 1, st."end" - st.start)`;

/**
 * The WHERE condition selecting unsourced sentences st (joined to ar). Filters that only claims can
 * satisfy exclude every statement, so combined filters mean "and", as everywhere else.
 */
export function unsourcedCondition(f: ClaimFilters, omit?: FilterKey): Sql {
  if (hasClaimOnlyFilter(f, omit)) return sql`FALSE`;
  const parts = [UNSOURCED_SENTENCE, ...articleConditions(f, omit)];
  if (f.q && omit !== "q") parts.push(sql`${STATEMENT_TEXT} ILIKE ${likePattern(f.q)}`);
  return and(parts);
}

/** The WHERE condition selecting the articles a report covers (the article-level filters only). */
export function articleCondition(f: ClaimFilters): Sql {
  return and(articleConditions(f));
}

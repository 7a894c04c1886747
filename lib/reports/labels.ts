import type { ClaimFilters } from "@/lib/claims/schema";
import type { AttributionMode, ReviewStatus } from "@/lib/generated/prisma/enums";
import { SOURCE_TYPE_LABELS } from "@/lib/sources/source-types";

export { SOURCE_TYPE_LABELS };

export const MODE_LABELS: Record<AttributionMode, string> = {
  direct_quote: "Direct quote",
  partial_quote: "Partial quote",
  paraphrase: "Paraphrase",
};

export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  pending: "Pending",
  approved: "Approved",
  flagged: "Flagged",
};

/** 0.8 → "80%"; one decimal only where it matters (1/3 → "33.3%"). */
export function percent(share: number | null): string {
  if (share === null) return "–";
  const value = Math.round(share * 1000) / 10;
  return `${Number.isInteger(value) ? value.toFixed(0) : value.toFixed(1)}%`;
}

/** The filters in words, for a report's heading: "Source type: Anonymous group · Second-hand: yes". */
export function describeFilters(f: ClaimFilters): string[] {
  const list = (values: string[] | undefined, labels?: Record<string, string>) =>
    values?.map((v) => labels?.[v] ?? v).join(", ");
  const yesNo = (v: boolean | undefined) => (v === undefined ? undefined : v ? "yes" : "no");
  const parts: [string, string | undefined][] = [
    ["Articles", f.articleId?.length ? `${f.articleId.length} selected` : undefined],
    ["Source type", list(f.sourceType, SOURCE_TYPE_LABELS)],
    ["Only anonymous sources", yesNo(f.anonymous)],
    ["Affiliation", list(f.affiliation)],
    ["Mode", list(f.mode, MODE_LABELS)],
    ["Second-hand", yesNo(f.via)],
    ["Review status", list(f.reviewStatus, REVIEW_STATUS_LABELS)],
    ["From", f.from],
    ["To", f.to],
    ["Statements with no attribution", f.unsourced ? "only" : undefined],
    ["Search", f.q ? `“${f.q}”` : undefined],
  ];
  return parts.filter(([, v]) => v).map(([k, v]) => `${k}: ${v}`);
}

/** "Direct quote 1, Paraphrase 2": the modes a source was used in, with counts, or "–". */
export function describeModes(modes: Record<AttributionMode, number>): string {
  return (
    (Object.entries(modes) as [AttributionMode, number][])
      .filter(([, n]) => n)
      .map(([m, n]) => `${MODE_LABELS[m]} ${n}`)
      .join(", ") || "–"
  );
}

/** A source as a reader names it: "Four US officials (4, United States government)". */
export function describeSource(s: { name: string; count: number | null; affiliation: string | null }): string {
  const extra = [s.count && s.count > 1 ? String(s.count) : "", s.affiliation ?? ""].filter(Boolean).join(", ");
  return extra ? `${s.name} (${extra})` : s.name;
}

import { MODE_LABELS, REVIEW_STATUS_LABELS } from "@/lib/reports/labels";
import { cutText } from "@/lib/text/cut";

/**
 * An audit event in words, for the history panel: what a person did, not which table changed
 * ("sent back to draft: “C8 needs a second source”", "changed the mode of the attribution to
 * Four US officials from paraphrase to direct quote"). Pure: it reads only the event's before
 * and after snapshots, so it works for records long deleted.
 */
export interface DescribableEvent {
  action: string;
  entity: string;
  before: unknown;
  after: unknown;
}

type Snapshot = Record<string, unknown>;

const asRecord = (value: unknown): Snapshot =>
  value && typeof value === "object" && !Array.isArray(value) ? (value as Snapshot) : {};
const str = (value: unknown) => (typeof value === "string" ? value : null);
const MAX_QUOTE = 80;
const quote = (text: unknown) => {
  const s = str(text);
  if (s === null) return "";
  return `“${s.length > MAX_QUOTE ? `${cutText(s, MAX_QUOTE - 1).trimEnd()}…` : s}”`;
};
const nameOf = (source: unknown) => str(asRecord(source).name) ?? "a source";
const MODES = new Map<string, string>(Object.entries(MODE_LABELS));
const REVIEWS = new Map<string, string>(Object.entries(REVIEW_STATUS_LABELS));
const modeLabel = (mode: unknown) => MODES.get(String(mode))?.toLowerCase() ?? String(mode);

const STATUS_MOVES: Record<string, string> = {
  "draft>in_review": "submitted the article for review",
  "in_review>approved": "approved the article",
  "in_review>draft": "sent back to draft",
  "approved>in_review": "reopened the review",
};

/** Why an approved article went back to review (lib/articles/sourcing-change.ts), in words. */
const CAUSES: Record<string, string> = {
  "article.text": "its text was edited",
  "article.title": "its title was changed",
  "claim.create": "a claim was tagged",
  "claim.span": "a claim's span was adjusted",
  "claim.delete": "a claim was deleted",
  "claim.restore": "a claim was restored",
  "attribution.create": "an attribution was added",
  "attribution.update": "an attribution was changed",
  "attribution.delete": "an attribution was removed",
  "attribution.restore": "an attribution was restored",
  "suggestion.accept": "a suggestion was accepted",
  "source.update": "a source it cites was changed",
};

function describeArticle(action: string, before: Snapshot, after: Snapshot): string {
  if (action === "create") return "created the article";
  if (action === "delete") return "deleted the article";
  if ("transition" in after && str(after.cause)) {
    const what = CAUSES[String(after.cause)] ?? "its sourcing changed";
    return `sent the approved article back to review: ${what}`;
  }
  if ("transition" in after) {
    const move = STATUS_MOVES[`${before.status}>${after.status}`] ?? `moved the article to ${after.status}`;
    return str(after.comment) ? `${move}: ${quote(after.comment)}` : move;
  }
  const changes: string[] = [];
  if ("body" in after) changes.push("edited the text");
  for (const key of ["title", "language", "outlet", "author", "desk", "url", "publishedAt"])
    if (key in after) changes.push(`changed the ${key === "publishedAt" ? "publication date" : key}`);
  const reanchor = asRecord(after.reanchor);
  const claims = Array.isArray(reanchor.claims) ? reanchor.claims.map(asRecord) : [];
  const adjusted = claims.filter((c) => c.outcome === "adjusted").length;
  const orphaned = claims.filter((c) => c.outcome === "orphaned").length;
  if (adjusted) changes.push(`${adjusted} claim${adjusted === 1 ? "" : "s"} adjusted to the edit`);
  if ("status" in after && after.status === "in_review") changes.push("which sent it back to review");
  if (orphaned) changes.push(`${orphaned} orphaned`);
  return changes.join(", ") || "updated the article";
}

function describeClaim(action: string, before: Snapshot, after: Snapshot): string {
  if (action === "create") return `${after.restoredFrom ? "restored" : "tagged"} the claim ${quote(after.text)}`;
  if (action === "delete") return `deleted the claim ${quote(before.text)}`;
  if ("reviewStatus" in after) {
    const status = String(after.reviewStatus);
    const comment = str(after.reviewComment);
    if (status === "pending") return "reset the review of a claim";
    const verb = REVIEWS.get(status)?.toLowerCase() ?? status;
    return `${verb} a claim${comment ? `: ${quote(comment)}` : ""}`;
  }
  if ("start" in after) return `adjusted the claim ${quote(before.text)} to ${quote(after.text)}`;
  return "updated a claim";
}

const SPAN_FIELDS = [
  ["cue", "cue"],
  ["mention", "mention"],
] as const;

function describeAttribution(action: string, before: Snapshot, after: Snapshot): string {
  if (action === "create")
    return `attributed a claim to ${nameOf(after.source)} (${modeLabel(after.mode)})${after.restoredFrom ? ", restored" : ""}`;
  if (action === "delete") return `removed the attribution to ${nameOf(before.source)}`;
  const to = nameOf(after.source);
  const changes: string[] = [];
  if (asRecord(before.source).id !== asRecord(after.source).id)
    changes.push(`changed the source from ${nameOf(before.source)} to ${to}`);
  if (before.mode !== after.mode)
    changes.push(`changed the mode from ${modeLabel(before.mode)} to ${modeLabel(after.mode)}`);
  for (const [key, label] of SPAN_FIELDS) {
    const was = asRecord(before[key]).text;
    const now = asRecord(after[key]).text;
    if (was === now) continue;
    changes.push(now === undefined ? `cleared the ${label}` : `marked the ${label} ${quote(now)}`);
  }
  if (asRecord(before.via).id !== asRecord(after.via).id)
    changes.push(after.via ? `set via ${nameOf(after.via)}` : "removed the via source");
  if (before.note !== after.note) changes.push(after.note ? `noted ${quote(after.note)}` : "cleared the note");
  return changes.length ? `${changes.join(", ")} (attribution to ${to})` : `updated the attribution to ${to}`;
}

export function describeEvent({ action, entity, before, after }: DescribableEvent): string {
  const b = asRecord(before);
  const a = asRecord(after);
  switch (entity) {
    case "article":
      return describeArticle(action, b, a);
    case "claim":
      return describeClaim(action, b, a);
    case "attribution":
      return describeAttribution(action, b, a);
    case "source":
      return `${action === "create" ? "created" : action === "delete" ? "deleted" : "updated"} the source ${nameOf(action === "delete" ? b : a)}`;
    case "rejected_suggestion":
      return `rejected a suggestion (${nameOf(asRecord(a.suggestion).source)})`;
    default:
      return `${action}d ${entity.replaceAll("_", " ")}`;
  }
}

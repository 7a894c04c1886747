import Link from "next/link";
import type { findClaims } from "@/lib/claims/find-claims";
import { MODE_LABELS, REVIEW_STATUS_LABELS } from "@/lib/reports/labels";
import { SourceTypeBadge } from "./source-type-badge";

type Row = Awaited<ReturnType<typeof findClaims>>["items"][number];

const cell = "border-b border-gray-200 px-2 py-2 align-top";

function Attributions({ row }: { row: Row }) {
  if (row.kind === "statement" || row.attributions.length === 0)
    return <span className="text-sm italic text-muted">No attribution</span>;
  return (
    <ul className="space-y-1">
      {row.attributions.map((a) => (
        <li key={a.id} className="text-sm">
          <SourceTypeBadge type={a.source.type} />{" "}
          <span dir="auto" className="font-medium">
            {a.source.name}
          </span>
          {a.source.count && a.source.count > 1 ? <span className="text-muted"> ×{a.source.count}</span> : null}
          {a.source.affiliation && (
            <span className="block text-xs text-muted" dir="auto">
              {a.source.affiliation}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** One attribution's detail per line, aligned with the sources column. */
function PerAttribution({
  row,
  pick,
}: {
  row: Row;
  pick: (a: Extract<Row, { kind: "claim" }>["attributions"][number]) => string | null | undefined;
}) {
  if (row.kind === "statement") return null;
  return (
    <ul className="space-y-1 text-sm">
      {row.attributions.map((a) => (
        <li key={a.id} dir="auto">
          {pick(a) || "–"}
        </li>
      ))}
    </ul>
  );
}

/** The explorer's rows: claims with their sources, or statements that no one is credited with. */
export function ClaimsTable({ rows }: { rows: Row[] }) {
  return (
    <table className="w-full border-collapse text-left">
      <caption className="sr-only">Claims matching the filters</caption>
      <thead>
        <tr className="text-xs uppercase tracking-wide text-muted">
          <th scope="col" className={cell}>
            Claim
          </th>
          <th scope="col" className={cell}>
            Sources
          </th>
          <th scope="col" className={cell}>
            Mode
          </th>
          <th scope="col" className={cell}>
            Cue
          </th>
          <th scope="col" className={cell}>
            Via
          </th>
          <th scope="col" className={cell}>
            Review
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <td className={`${cell} max-w-md`}>
              {/* Opens the article with this claim (or sentence) selected and in view. */}
              <Link
                href={`/articles/${row.articleId}?${row.kind === "claim" ? "claim" : "statement"}=${row.id}`}
                dir="auto"
                className="font-serif hover:underline"
              >
                {row.text}
              </Link>
              <Link href={`/articles/${row.articleId}`} className="mt-1 block text-xs text-muted underline" dir="auto">
                {row.articleTitle}
              </Link>
            </td>
            <td className={cell}>
              <Attributions row={row} />
            </td>
            <td className={cell}>
              <PerAttribution row={row} pick={(a) => MODE_LABELS[a.mode]} />
            </td>
            <td className={cell}>
              <PerAttribution row={row} pick={(a) => a.cue?.text} />
            </td>
            <td className={cell}>
              <PerAttribution row={row} pick={(a) => a.via?.name} />
            </td>
            <td className={`${cell} text-sm`}>{row.kind === "claim" ? REVIEW_STATUS_LABELS[row.reviewStatus] : "–"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const STYLES = {
  draft: "bg-gray-100 text-gray-800",
  in_review: "bg-amber-100 text-amber-900",
  approved: "bg-green-100 text-green-900",
} as const;

export function StatusBadge({ status }: { status: keyof typeof STYLES }) {
  return (
    <span className={`rounded px-2 py-0.5 text-xs font-medium ${STYLES[status]}`}>{status.replace("_", " ")}</span>
  );
}

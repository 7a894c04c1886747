import { CHART_ACCENT } from "./source-type-badge";

/** Horizontal bars as SVG (prints without background graphics); the table beside it carries the same numbers. */
export function ReportBarChart({ title, rows }: { title: string; rows: { label: string; value: number }[] }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  const rowHeight = 24;
  return (
    <figure className="space-y-1">
      <figcaption className="text-sm font-semibold">{title}</figcaption>
      <svg
        role="img"
        aria-label={`${title}: ${rows.map((r) => `${r.label} ${r.value}`).join(", ")}`}
        viewBox={`0 0 460 ${rows.length * rowHeight}`}
        className="w-full max-w-md text-xs"
        fontFamily="inherit"
      >
        {rows.map((r, i) => {
          const width = Math.round((r.value / max) * 240);
          const y = i * rowHeight;
          return (
            <g key={r.label}>
              <text x="0" y={y + 16} fill="currentColor">
                {r.label}
              </text>
              <rect x="170" y={y + 5} width={width} height="14" fill={CHART_ACCENT} rx="2" />
              <text x={176 + width} y={y + 16} fill="currentColor">
                {r.value}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

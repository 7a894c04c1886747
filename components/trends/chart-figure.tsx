import type { ReactNode } from "react";

export interface FigureTable {
  columns: string[];
  rows: (string | number)[][];
}

/**
 * A chart (server-drawn SVG) with its numbers as a table beside it: the table is what screen
 * readers and printouts rely on, so the SVG itself is hidden from assistive technology.
 */
export function ChartFigure({
  id,
  title,
  svg,
  table,
  note,
}: {
  id: string;
  title: string;
  svg: string;
  table: FigureTable;
  note?: ReactNode;
}) {
  return (
    <section aria-labelledby={id} className="space-y-2 break-inside-avoid">
      <h3 id={id} className="font-semibold">
        {title}
      </h3>
      {note && <p className="text-sm text-muted">{note}</p>}
      <div className="grid gap-4 lg:grid-cols-[minmax(0,640px)_minmax(0,1fr)]">
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: Observable Plot's SVG, drawn on the server from our numbers; linkedom escapes every text node (user-named groups included) */}
        <div aria-hidden="true" className="overflow-x-auto" dangerouslySetInnerHTML={{ __html: svg }} />
        <div className="max-h-80 overflow-auto print:max-h-none">
          <table className="w-full border-collapse text-sm tabular-nums">
            <caption className="sr-only">{title}</caption>
            <thead className="sticky top-0 bg-white">
              <tr>
                {table.columns.map((c, i) => (
                  <th
                    // biome-ignore lint/suspicious/noArrayIndexKey: a column's place is its identity (group names may repeat a heading)
                    key={`${i}:${c}`}
                    scope="col"
                    className={`border-b border-gray-300 px-2 py-1 ${i ? "text-right" : "text-left"}`}
                    dir="auto"
                  >
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((r) => (
                <tr key={String(r[0])} className="border-b border-gray-100">
                  {r.map((cell, i) =>
                    i === 0 ? (
                      <th key={table.columns[i]} scope="row" className="px-2 py-0.5 text-left font-normal">
                        {cell}
                      </th>
                    ) : (
                      <td key={table.columns[i]} className="px-2 py-0.5 text-right">
                        {cell}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

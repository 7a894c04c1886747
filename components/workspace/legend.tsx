import { SOURCE_TYPE_LABELS, SOURCE_TYPES } from "@/lib/sources/source-types";
import { NO_SOURCE_LABEL, SOURCE_TYPE_STYLE } from "../source-type-badge";

export function Legend() {
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-muted">Legend</summary>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
        {[...SOURCE_TYPES, "none" as const].map((t) => (
          <li key={t} className="flex items-center gap-1">
            <span
              aria-hidden="true"
              className={`inline-flex h-4 w-5 items-center justify-center rounded-sm border ${SOURCE_TYPE_STYLE[t].highlight} ${SOURCE_TYPE_STYLE[t].edge} ${SOURCE_TYPE_STYLE[t].line}`}
            >
              {SOURCE_TYPE_STYLE[t].marker}
            </span>
            {t === "none" ? NO_SOURCE_LABEL : SOURCE_TYPE_LABELS[t]}
          </li>
        ))}
        <li>
          <span className="underline decoration-2 underline-offset-4">source mention</span>
        </li>
        <li>
          <span className="underline decoration-dotted decoration-2 underline-offset-4">cue words</span>
        </li>
        <li>
          <span className="bg-yellow-200">selection</span>
        </li>
        <li>
          <span className="bg-indigo-50 outline outline-1 outline-dashed outline-indigo-300">suggestion</span>
        </li>
      </ul>
    </details>
  );
}

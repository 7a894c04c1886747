import { ATTRIBUTION_MODES } from "@/lib/claims/schema";
import { MODE_LABELS, SOURCE_TYPE_LABELS } from "@/lib/reports/labels";
import { SOURCE_TYPES } from "@/lib/sources/source-types";
import type { TrendsInput } from "@/lib/trends/schema";

const select = "mt-1 block w-full rounded border border-gray-300 px-2 py-1 text-sm";

/** A plain GET form: the view lives in the URL (bookmark, share, back/forward), no script needed. */
export function TrendsFilters({ value }: { value: TrendsInput }) {
  return (
    <form
      method="get"
      action="/trends"
      aria-label="Trend filters"
      className="grid gap-4 rounded border border-gray-200 p-4 sm:grid-cols-2 lg:grid-cols-4 print:hidden"
    >
      <label className="text-sm font-medium">
        Interval
        <select name="interval" defaultValue={value.interval} className={select}>
          <option value="month">Month</option>
          <option value="week">Week</option>
        </select>
      </label>
      <label className="text-sm font-medium">
        Break down by
        <select name="by" defaultValue={value.by ?? ""} className={select}>
          <option value="">Nothing (all claims)</option>
          <option value="outlet">Outlet</option>
          <option value="author">Author</option>
          <option value="desk">Desk</option>
        </select>
      </label>
      <label className="text-sm font-medium">
        From
        <input type="date" name="from" defaultValue={value.from ?? ""} className={select} />
      </label>
      <label className="text-sm font-medium">
        To
        <input type="date" name="to" defaultValue={value.to ?? ""} className={select} />
      </label>
      <label className="text-sm font-medium">
        Source type
        <select name="sourceType" defaultValue={value.sourceType?.join(",") ?? ""} className={select}>
          <option value="">Any</option>
          {SOURCE_TYPES.map((t) => (
            <option key={t} value={t}>
              {SOURCE_TYPE_LABELS[t]}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium">
        Mode
        <select name="mode" defaultValue={value.mode?.join(",") ?? ""} className={select}>
          <option value="">Any</option>
          {ATTRIBUTION_MODES.map((m) => (
            <option key={m} value={m}>
              {MODE_LABELS[m]}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm font-medium">
        Anonymity
        <select
          name="anonymous"
          defaultValue={value.anonymous === undefined ? "" : String(value.anonymous)}
          className={select}
        >
          <option value="">Any</option>
          <option value="true">Only anonymous sources</option>
          <option value="false">A named source</option>
        </select>
      </label>
      <label className="text-sm font-medium">
        Claim text or source name
        <input type="search" name="q" defaultValue={value.q ?? ""} className={select} />
      </label>
      <div className="sm:col-span-2 lg:col-span-4">
        <button type="submit" className="rounded bg-accent px-4 py-1.5 text-sm font-medium text-white">
          Show trends
        </button>
      </div>
    </form>
  );
}

"use client";

import { useRouter } from "next/navigation";
import type { FormEvent, ReactNode } from "react";
import type { ClaimFacets, FacetValue } from "@/lib/claims/claim-facets";
import { ATTRIBUTION_MODES, type FindClaimsInput, REVIEW_STATUSES } from "@/lib/claims/schema";
import { MODE_LABELS, REVIEW_STATUS_LABELS, SOURCE_TYPE_LABELS } from "@/lib/reports/labels";
import { SOURCE_TYPES } from "@/lib/sources/source-types";

/** The query string of the form as it stands: blanks dropped, so shared URLs stay short. */
function formQuery(form: HTMLFormElement): string {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(form))
    if (typeof value === "string" && value.trim() !== "") params.append(key, value.trim());
  return params.toString();
}

function Group({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-1">
      <legend className="mb-1 text-sm font-semibold">{legend}</legend>
      {children}
    </fieldset>
  );
}

const Count = ({ n }: { n?: number }) => (
  <span className="ml-auto pl-2 text-xs tabular-nums text-muted">{n ?? ""}</span>
);

type Counted = Omit<FacetValue, "count"> & { count?: number };

/** Until the counts arrive the closed sets show without numbers (the table does not wait for them). */
const uncounted = (values: readonly string[]): Counted[] => values.map((value) => ({ value }));

function Options({
  type,
  name,
  values,
  selected,
  labels,
}: {
  type: "checkbox" | "radio";
  name: string;
  values: Counted[];
  selected: (value: string) => boolean;
  labels?: Record<string, string>;
}) {
  return values.map((v) => (
    <label
      key={v.value}
      className={`flex items-baseline gap-2 text-sm ${v.count === 0 && !selected(v.value) ? "text-muted" : ""}`}
    >
      <input type={type} name={name} value={v.value} defaultChecked={selected(v.value)} />
      <span dir="auto">{labels?.[v.value] ?? v.label ?? v.value}</span>
      <Count n={v.count} />
    </label>
  ));
}

/**
 * The explorer's filters as a GET form: it works without JavaScript, and with it every change
 * navigates at once, so the URL always holds the view (shareable, and back/forward restore it).
 */
export function ClaimsFilters({ filters, facets: counted }: { filters: FindClaimsInput; facets: ClaimFacets | null }) {
  const facets = counted ?? {
    sourceType: uncounted(SOURCE_TYPES),
    anonymous: uncounted(["true", "false"]),
    via: uncounted(["true", "false"]),
    mode: uncounted(ATTRIBUTION_MODES),
    reviewStatus: uncounted(REVIEW_STATUSES),
    affiliation: uncounted(filters.affiliation ?? []),
    articleId: uncounted(filters.articleId ?? []),
    articleWindow: null,
    unsourced: undefined,
  };
  const router = useRouter();
  const apply = (form: HTMLFormElement) => router.push(`/claims${formQuery(form) ? `?${formQuery(form)}` : ""}`);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    apply(event.currentTarget);
  };
  const has = (list: readonly string[] | undefined) => (value: string) => Boolean(list?.includes(value));
  const lower = filters.affiliation?.map((a) => a.toLowerCase());
  return (
    <form
      role="search"
      aria-label="Filter claims"
      aria-busy={counted ? undefined : true}
      action="/claims"
      method="get"
      onSubmit={onSubmit}
      onChange={(e) => {
        if ((e.target as EventTarget as HTMLInputElement).type !== "search") apply(e.currentTarget);
      }}
      className="space-y-5"
    >
      <label className="block text-sm font-semibold">
        Search claims and sources
        <input
          type="search"
          name="q"
          defaultValue={filters.q ?? ""}
          className="mt-1 w-full rounded border border-gray-300 px-2 py-1 font-normal"
        />
      </label>
      <Group legend="Source type">
        <Options
          type="checkbox"
          name="sourceType"
          values={facets.sourceType}
          selected={has(filters.sourceType)}
          labels={SOURCE_TYPE_LABELS}
        />
      </Group>
      <Group legend="Anonymity">
        <Options
          type="radio"
          name="anonymous"
          values={facets.anonymous}
          selected={(v) => String(filters.anonymous) === v}
          labels={{ true: "Only anonymous sources", false: "A named source" }}
        />
        <label className="flex gap-2 text-sm">
          <input type="radio" name="anonymous" value="" defaultChecked={filters.anonymous === undefined} />
          Either
        </label>
      </Group>
      <Group legend="Second-hand">
        <Options
          type="radio"
          name="via"
          values={facets.via}
          selected={(v) => String(filters.via) === v}
          labels={{ true: "Second-hand (via another source)", false: "First-hand" }}
        />
        <label className="flex gap-2 text-sm">
          <input type="radio" name="via" value="" defaultChecked={filters.via === undefined} />
          Either
        </label>
      </Group>
      <Group legend="Mode">
        <Options type="checkbox" name="mode" values={facets.mode} selected={has(filters.mode)} labels={MODE_LABELS} />
      </Group>
      <Group legend="Review status">
        <Options
          type="checkbox"
          name="reviewStatus"
          values={facets.reviewStatus}
          selected={has(filters.reviewStatus)}
          labels={REVIEW_STATUS_LABELS}
        />
      </Group>
      {facets.affiliation.length > 0 && (
        <Group legend="Affiliation">
          <Options
            type="checkbox"
            name="affiliation"
            values={facets.affiliation}
            selected={(v) => Boolean(lower?.includes(v.toLowerCase()))}
          />
        </Group>
      )}
      {facets.articleId.length > 0 && (
        <Group legend="Article">
          {facets.articleWindow !== null && (
            <p className="text-xs text-muted">
              Most claims among the newest {facets.articleWindow.toLocaleString("en")} claims
              {filters.from || filters.to ? " of the date range" : ""}
            </p>
          )}
          <Options type="checkbox" name="articleId" values={facets.articleId} selected={has(filters.articleId)} />
        </Group>
      )}
      <Group legend="Article date">
        <div className="flex flex-wrap gap-2 text-sm">
          <label>
            From{" "}
            <input
              type="date"
              name="from"
              defaultValue={filters.from ?? ""}
              className="rounded border border-gray-300 px-1"
            />
          </label>
          <label>
            To{" "}
            <input
              type="date"
              name="to"
              defaultValue={filters.to ?? ""}
              className="rounded border border-gray-300 px-1"
            />
          </label>
        </div>
      </Group>
      <label className="flex items-baseline gap-2 text-sm">
        <input type="checkbox" name="unsourced" value="true" defaultChecked={Boolean(filters.unsourced)} />
        <span>Statements with no attribution</span>
        <Count n={facets.unsourced ?? undefined} />
      </label>
      <label className="block text-sm font-semibold">
        Sort
        <select
          name="sort"
          defaultValue={filters.sort}
          className="mt-1 block rounded border border-gray-300 px-2 py-1 font-normal"
        >
          <option value="newest">Newest claims first</option>
          <option value="oldest">Oldest claims first</option>
          <option value="article">By article, in reading order</option>
        </select>
      </label>
      <div className="flex gap-3">
        <button type="submit" className="rounded border border-gray-300 px-3 py-1 text-sm">
          Apply
        </button>
        <a href="/claims" className="py-1 text-sm underline">
          Clear filters
        </a>
      </div>
    </form>
  );
}

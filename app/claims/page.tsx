import type { Metadata } from "next";
import Link from "next/link";
import { ClaimsFilters } from "@/components/claims-filters";
import { ClaimsTable } from "@/components/claims-table";
import { ReportDownloads } from "@/components/report-downloads";
import { requirePageUser } from "@/lib/auth/page-user";
import { findClaimFacets } from "@/lib/claims/claim-facets";
import { filterSearchParams, parseExplorerParams } from "@/lib/claims/filter-query";
import { findClaims } from "@/lib/claims/find-claims";

export const metadata: Metadata = { title: "Claims" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ClaimsPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageUser();
  const parsed = parseExplorerParams(await searchParams);
  const input = parsed.value;
  const { sort, cursor, limit: _pageSize, ...filters } = input;
  const [page, facets] = await Promise.all([findClaims(input), findClaimFacets(filters)]);
  const query = filterSearchParams(filters).toString();
  const noun = filters.unsourced ? "statements with no attribution" : "claims";
  return (
    <div className="grid gap-8 lg:grid-cols-[16rem_1fr]">
      <aside className="lg:order-none"><ClaimsFilters key={filterSearchParams({ ...filters, sort }).toString()} filters={input} facets={facets} /></aside>
      <section className="min-w-0 space-y-4" aria-labelledby="claims-heading">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h1 id="claims-heading" className="text-2xl font-semibold">Claims</h1>
          <p role="status" className="text-sm text-muted">{facets.total} {noun}</p>
        </div>
        {!parsed.ok && <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">Some filters in the address were not understood and were ignored ({parsed.message}).</p>}
        <div className="flex flex-wrap items-center gap-4">
          <Link href={`/reports${query ? `?${query}` : ""}`} className="rounded bg-accent px-3 py-1.5 text-sm font-medium text-white">Sourcing report</Link>
          <ReportDownloads base={`/api/reports${query ? `?${query}` : ""}`} />
        </div>
        {page.items.length === 0 ? (
          <p className="text-muted">Nothing matches these filters.</p>
        ) : (
          <div className="overflow-x-auto"><ClaimsTable rows={page.items} /></div>
        )}
        <nav aria-label="Pages" className="flex gap-4 text-sm">
          {cursor && <Link className="underline" href={`/claims?${filterSearchParams({ ...filters, sort })}`}>First page</Link>}
          {page.nextCursor && <Link className="underline" href={`/claims?${filterSearchParams({ ...filters, sort, cursor: page.nextCursor })}`}>Next page</Link>}
        </nav>
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { ClaimsFilters } from "@/components/claims-filters";
import { ClaimsTable } from "@/components/claims-table";
import { ReportDownloads } from "@/components/report-downloads";
import { requirePageUser } from "@/lib/auth/page-user";
import { type ClaimFacets, findClaimFacets } from "@/lib/claims/claim-facets";
import { filterSearchParams, parseExplorerParams } from "@/lib/claims/filter-query";
import { findClaims } from "@/lib/claims/find-claims";
import type { FindClaimsInput } from "@/lib/claims/schema";
import { AppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Claims" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// Facet counts cost a pass over every matching claim; the table (one keyset page) is shown without waiting for them.
async function CountedFilters({ input, facets }: { input: FindClaimsInput; facets: Promise<ClaimFacets> }) {
  return <ClaimsFilters filters={input} facets={await facets} />;
}

/** A cursor edited by hand or kept from another sort starts the list again instead of failing the page. */
async function findPage(input: FindClaimsInput) {
  try {
    return { page: await findClaims(input), staleCursor: false };
  } catch (error) {
    if (!(error instanceof AppError && error.code === "validation_error" && input.cursor)) throw error;
    return { page: await findClaims({ ...input, cursor: undefined }), staleCursor: true };
  }
}

async function MatchCount({ facets, noun }: { facets: Promise<ClaimFacets>; noun: string }) {
  return (
    <p role="status" className="text-sm text-muted">
      {(await facets).total ?? "Many"} {noun}
    </p>
  );
}

export default async function ClaimsPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePageUser();
  const parsed = parseExplorerParams(await searchParams);
  const input = parsed.value;
  const { sort, cursor, limit: _pageSize, ...filters } = input;
  const facets = findClaimFacets(filters);
  const { page, staleCursor } = await findPage(input);
  const query = filterSearchParams(filters).toString();
  const noun = filters.unsourced ? "statements with no attribution" : "claims";
  return (
    <div className="grid gap-8 lg:grid-cols-[16rem_1fr]">
      {/* On a phone the results come first, the filters after them. */}
      <aside key={filterSearchParams({ ...filters, sort }).toString()} className="order-last lg:order-first">
        <Suspense fallback={<ClaimsFilters filters={input} facets={null} />}>
          <CountedFilters input={input} facets={facets} />
        </Suspense>
      </aside>
      <section className="min-w-0 space-y-4" aria-labelledby="claims-heading">
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h1 id="claims-heading" className="text-2xl font-semibold">
            Claims
          </h1>
          <Suspense
            fallback={
              <p role="status" className="text-sm text-muted">
                Counting…
              </p>
            }
          >
            <MatchCount facets={facets} noun={noun} />
          </Suspense>
        </div>
        {staleCursor && (
          <p role="alert" className="rounded border border-amber-200 bg-amber-50 px-3 py-2 text-sm">
            That page link no longer fits these filters; showing the first page.
          </p>
        )}
        {!parsed.ok && (
          <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            Some filters in the address were not understood and were ignored ({parsed.message}).
          </p>
        )}
        <div className="flex flex-wrap items-center gap-4">
          <Link
            href={`/reports${query ? `?${query}` : ""}`}
            className="rounded bg-accent px-3 py-1.5 text-sm font-medium text-white"
          >
            Sourcing report
          </Link>
          <ReportDownloads base={`/api/reports${query ? `?${query}` : ""}`} />
        </div>
        {page.items.length === 0 ? (
          <p className="text-muted">Nothing matches these filters.</p>
        ) : (
          <div className="overflow-x-auto">
            <ClaimsTable rows={page.items} />
          </div>
        )}
        <nav aria-label="Pages" className="flex gap-4 text-sm">
          {cursor && (
            <Link className="underline" href={`/claims?${filterSearchParams({ ...filters, sort })}`}>
              First page
            </Link>
          )}
          {page.nextCursor && (
            <Link
              className="underline"
              href={`/claims?${filterSearchParams({ ...filters, sort, cursor: page.nextCursor })}`}
            >
              Next page
            </Link>
          )}
        </nav>
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { StatusBadge } from "@/components/status-badge";
import { STATUS_LABELS } from "@/lib/articles/article-status";
import { listArticles } from "@/lib/articles/list-articles";
import { ARTICLE_STATUSES, listArticlesSchema } from "@/lib/articles/schema";
import { requirePageUser } from "@/lib/auth/page-user";
import { canWrite } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Articles" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const percent = (share: number | null) => (share === null ? "–" : `${Math.round(share * 100)}%`);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

export default async function ArticlesPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePageUser();
  const raw = await searchParams;
  const parsed = listArticlesSchema.safeParse({
    q: raw.q || undefined,
    status: raw.status || undefined,
    cursor: raw.cursor || undefined,
  });
  const filters = parsed.success ? parsed.data : listArticlesSchema.parse({});
  // A cursor edited in the address bar is a 400 in the API; here it just means "from the start".
  const { items, nextCursor } = await listArticles(filters).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "validation_error" && filters.cursor)
      return listArticles({ ...filters, cursor: undefined });
    throw error;
  });
  const filtered = Boolean(filters.q || filters.status);
  return (
    <div className="space-y-6">
      <div className="flex items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold">Articles</h1>
        {canWrite(user.role) && (
          <div className="flex gap-2">
            <Link
              href="/articles/import"
              className="rounded border border-accent px-3 py-2 text-sm font-medium text-accent"
            >
              Import
            </Link>
            <Link href="/articles/new" className="rounded bg-accent px-3 py-2 text-sm font-medium text-white">
              New article
            </Link>
          </div>
        )}
      </div>
      <form role="search" className="flex flex-wrap items-end gap-3" action="/articles">
        <label className="text-sm">
          Search
          <input
            name="q"
            type="search"
            defaultValue={filters.q ?? ""}
            className="ml-2 rounded border border-gray-300 px-2 py-1"
          />
        </label>
        <label className="text-sm">
          Status
          <select
            name="status"
            defaultValue={filters.status ?? ""}
            className="ml-2 rounded border border-gray-300 px-2 py-1"
          >
            <option value="">Any</option>
            {ARTICLE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded border border-gray-300 px-3 py-1 text-sm">
          Filter
        </button>
      </form>
      {items.length === 0 ? (
        <p className="text-muted">
          {filtered ? "No article matches these filters." : "No articles yet. Add one to start tagging its sources."}
        </p>
      ) : (
        <ul className="divide-y divide-gray-200 border-y border-gray-200">
          {items.map((a) => (
            <li key={a.id} className="flex flex-wrap items-baseline gap-x-4 gap-y-1 py-3">
              <Link href={`/articles/${a.id}`} className="font-medium hover:underline" dir="auto">
                {a.title}
              </Link>
              <StatusBadge status={a.status} />
              <span className="ml-auto text-sm text-muted">
                {[a.outlet, a.author, a.desk]
                  .filter(Boolean)
                  .map((v) => `${v} · `)
                  .join("")}
                {plural(a.counts.claims, "claim")} · {percent(a.counts.sourcedShare)} of sentences sourced ·{" "}
                {percent(a.counts.anonymousShare)} anonymous
              </span>
            </li>
          ))}
        </ul>
      )}
      {nextCursor && (
        <Link
          className="text-sm underline"
          href={{
            pathname: "/articles",
            query: {
              ...(filters.q ? { q: filters.q } : {}),
              ...(filters.status ? { status: filters.status } : {}),
              cursor: nextCursor,
            },
          }}
        >
          Older articles
        </Link>
      )}
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { ImportArticlesForm } from "@/components/import-articles-form";
import { requirePageUser } from "@/lib/auth/page-user";
import { canWrite } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "Import articles" };
export const dynamic = "force-dynamic";

export default async function ImportArticlesPage() {
  const user = await requirePageUser();
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/articles" className="text-accent underline">
          Articles
        </Link>{" "}
        › Import
      </p>
      <h1 className="text-2xl font-semibold">Import articles</h1>
      {canWrite(user.role) ? (
        <>
          <p className="max-w-prose text-sm text-muted">
            An NDJSON file (<code>.jsonl</code>, or gzipped <code>.jsonl.gz</code>), one article per line:{" "}
            <code>{`{"externalId", "title", "body", "language", "outlet", "url", "publishedAt", "author"}`}</code>, of
            which only <code>title</code> and <code>body</code> are required. An article already here (same{" "}
            <code>externalId</code>, else same <code>url</code>) is skipped or updated; a bad line is reported and the
            rest goes on. For a folder of <code>.txt</code>, <code>.md</code> and <code>.html</code> files, use{" "}
            <code>npm run import:articles -- FOLDER</code>.
          </p>
          <ImportArticlesForm />
        </>
      ) : (
        <p role="alert">Only editors and admins can import articles.</p>
      )}
    </div>
  );
}

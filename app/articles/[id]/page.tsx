import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { Workspace } from "@/components/workspace/workspace";
import { findArticle } from "@/lib/articles/find-article";
import { requirePageUser } from "@/lib/auth/page-user";
import { canReview, canWrite } from "@/lib/auth/permissions";
import type { WorkspaceArticle } from "@/lib/workspace/types";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function load(params: Params) {
  const { id } = await params;
  return z.uuid().safeParse(id).success ? findArticle(id) : null;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: (await load(params))?.title ?? "Article not found" };
}

/**
 * The editor workspace: the article's text with its claims, and the tagging panel. `?claim=<id>`
 * (or `?statement=<id>`) opens with that claim selected and in view: the explorer links here.
 */
export default async function ArticlePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const user = await requirePageUser();
  const article = await load(params);
  const { claim, statement } = await searchParams;
  if (!article) notFound();
  // The same JSON the API returns, so the client can swap in GET /api/articles/:id after each save.
  const initialArticle = JSON.parse(JSON.stringify(article)) as WorkspaceArticle;
  return (
    <Workspace
      initialArticle={initialArticle}
      role={user.role}
      canWrite={canWrite(user.role)}
      canReview={canReview(user.role)}
      focus={{
        claimId: typeof claim === "string" ? claim : null,
        statementId: typeof statement === "string" ? statement : null,
      }}
    />
  );
}

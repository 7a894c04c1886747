import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { ArticleText } from "@/components/article-text";
import { StatusBadge } from "@/components/status-badge";
import { findArticle } from "@/lib/articles/find-article";
import { requirePageUser } from "@/lib/auth/page-user";

export const dynamic = "force-dynamic";

type Params = Promise<{ id: string }>;

async function load(params: Params) {
  const { id } = await params;
  return z.uuid().safeParse(id).success ? findArticle(id) : null;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: (await load(params))?.title ?? "Article not found" };
}

export default async function ArticlePage({ params }: { params: Params }) {
  await requirePageUser();
  const article = await load(params);
  if (!article) notFound();
  const sentences = article.statements.filter((s) => s.kind === "sentence").length;
  const headings = article.statements.length - sentences;
  return (
    <article className="space-y-6" lang={article.language === "und" ? undefined : article.language}>
      <header className="space-y-2">
        <h1 className="text-3xl font-semibold" dir="auto">{article.title}</h1>
        <p className="flex flex-wrap items-center gap-3 text-sm text-muted">
          <StatusBadge status={article.status} />
          {article.outlet && <span>{article.outlet}</span>}
          {article.publishedAt && <time dateTime={article.publishedAt.toISOString()}>{article.publishedAt.toISOString().slice(0, 10)}</time>}
          <span>{sentences} sentences · {headings} headings · {article.claims.length} claims</span>
        </p>
      </header>
      <ArticleText body={article.body} statements={article.statements} />
    </article>
  );
}

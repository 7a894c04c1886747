import type { Metadata } from "next";
import { NewArticleForm } from "@/components/new-article-form";
import { requirePageUser } from "@/lib/auth/page-user";
import { canWrite } from "@/lib/auth/permissions";

export const metadata: Metadata = { title: "New article" };
export const dynamic = "force-dynamic";

export default async function NewArticlePage() {
  const user = await requirePageUser();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">New article</h1>
      {canWrite(user.role) ? <NewArticleForm /> : <p role="alert">Only editors and admins can add articles.</p>}
    </div>
  );
}

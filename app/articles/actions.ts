"use server";

import { redirect } from "next/navigation";
import { type ActionResult, failureOf, fieldErrorsOf, withValues } from "@/lib/action-result";
import { createArticle } from "@/lib/articles/create-article";
import { createArticleSchema } from "@/lib/articles/schema";
import { requirePageUser } from "@/lib/auth/page-user";
import { canWrite } from "@/lib/auth/permissions";

const optional = (value: FormDataEntryValue | null) =>
  typeof value === "string" && value.trim() !== "" ? value : undefined;

export async function createArticleAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const user = await requirePageUser();
  if (!canWrite(user.role)) return { ok: false, message: "Only editors and admins can add articles" };
  const parsed = createArticleSchema.safeParse({
    title: form.get("title"),
    // Browsers submit textarea line breaks as CRLF; the stored text uses LF like a pasted file.
    body: String(form.get("body") ?? "").replace(/\r\n?/g, "\n"),
    language: optional(form.get("language")),
    outlet: optional(form.get("outlet")),
    author: optional(form.get("author")),
    desk: optional(form.get("desk")),
    url: optional(form.get("url")),
    publishedAt: optional(form.get("publishedAt")),
  });
  if (!parsed.success) return withValues(fieldErrorsOf(parsed.error), form);
  let id: string;
  try {
    id = (await createArticle(parsed.data, user.id)).id;
  } catch (error) {
    return withValues(failureOf(error), form);
  }
  redirect(`/articles/${id}`);
}

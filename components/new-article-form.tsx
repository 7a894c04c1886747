"use client";

import { useActionState } from "react";
import { createArticleAction } from "@/app/articles/actions";
import { buttonClass, FormMessage, TextAreaField, TextField } from "./field";

export function NewArticleForm() {
  const [state, action, pending] = useActionState(createArticleAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="space-y-4">
      <FormMessage message={state && !state.ok ? state.message : undefined} />
      <TextField label="Title" name="title" required errors={errors?.title} />
      <TextAreaField label="Text" name="body" rows={16} required errors={errors?.body}
        hint="Paste the article exactly as published; blank lines separate paragraphs and short standalone lines become headings." />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Outlet" name="outlet" errors={errors?.outlet} />
        <TextField label="URL" name="url" type="url" inputMode="url" errors={errors?.url} />
        <TextField label="Published on" name="publishedAt" type="date" errors={errors?.publishedAt} />
        <TextField label="Language" name="language" placeholder="detected if empty" hint="A BCP 47 tag such as en or ar" errors={errors?.language} />
      </div>
      <button type="submit" className={buttonClass} disabled={pending}>{pending ? "Saving…" : "Add article"}</button>
    </form>
  );
}

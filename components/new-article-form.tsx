"use client";

import { type ChangeEvent, useActionState, useRef } from "react";
import { createArticleAction } from "@/app/articles/actions";
import { titleFromFile } from "@/lib/articles/title-from-file";
import { buttonClass, FormMessage, TextAreaField, TextField } from "./field";

export function NewArticleForm() {
  const [state, action, pending] = useActionState(createArticleAction, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors;
  const values = failed?.values ?? {};
  const form = useRef<HTMLFormElement>(null);

  async function loadFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file || !form.current) return;
    const text = (await file.text()).replace(/\r\n?/g, "\n");
    const fields = form.current.elements as unknown as Record<string, HTMLInputElement | HTMLTextAreaElement>;
    fields.body.value = text;
    if (!fields.title.value.trim()) fields.title.value = titleFromFile(text, file.name);
  }

  return (
    // Keyed by attempt: after a rejected submission the form remounts filled with what was sent.
    <form ref={form} key={failed?.attempt ?? 0} action={action} className="space-y-4">
      <FormMessage message={failed?.message} />
      <TextField label="Title" name="title" required errors={errors?.title} defaultValue={values.title} />
      <div className="space-y-1">
        <label htmlFor="file" className="block text-sm font-medium">
          Load from a file (.txt, .md)
        </label>
        <input
          id="file"
          type="file"
          accept=".txt,.md,text/plain,text/markdown"
          onChange={loadFile}
          className="text-sm"
        />
      </div>
      <TextAreaField
        label="Text"
        name="body"
        rows={16}
        required
        errors={errors?.body}
        defaultValue={values.body}
        hint="Paste the article exactly as published, or load a .txt/.md file; blank lines separate paragraphs and short standalone lines become headings."
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Outlet" name="outlet" errors={errors?.outlet} defaultValue={values.outlet} />
        <TextField label="Author" name="author" errors={errors?.author} defaultValue={values.author} />
        <TextField
          label="Desk"
          name="desk"
          placeholder="e.g. politics"
          errors={errors?.desk}
          defaultValue={values.desk}
        />
        <TextField label="URL" name="url" type="url" inputMode="url" errors={errors?.url} defaultValue={values.url} />
        <TextField
          label="Published on"
          name="publishedAt"
          type="date"
          errors={errors?.publishedAt}
          defaultValue={values.publishedAt}
        />
        <TextField
          label="Language"
          name="language"
          placeholder="detected if empty"
          hint="A BCP 47 tag such as en or ar"
          errors={errors?.language}
          defaultValue={values.language}
        />
      </div>
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Saving…" : "Add article"}
      </button>
    </form>
  );
}

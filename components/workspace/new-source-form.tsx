"use client";

import { type FormEvent, useState } from "react";
import { describeError } from "@/lib/client/api";
import { createSource } from "@/lib/client/sources";
import type { SourceType } from "@/lib/generated/prisma/enums";
import { GENDER_LABELS, GENDERS } from "@/lib/sources/genders";
import { guessSource } from "@/lib/sources/guess-source-type";
import { ANONYMOUS_SOURCE_TYPES, SOURCE_TYPE_LABELS, SOURCE_TYPES } from "@/lib/sources/source-types";
import type { WorkspaceSource } from "@/lib/workspace/types";

export function AnonymityWarning() {
  return (
    <p role="note" className="rounded border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-900">
      ⚠ No reason for anonymity recorded. Newsroom policy: the story should say why anonymity was granted.
    </p>
  );
}

/** Creates a source inline, pre-filled from how the text names it. */
export function NewSourceForm({
  name,
  onCreated,
  onCancel,
}: {
  name: string;
  onCreated: (s: WorkspaceSource) => void;
  onCancel: () => void;
}) {
  const guess = guessSource(name);
  const [type, setType] = useState<SourceType>(guess.type);
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const anonymous = ANONYMOUS_SOURCE_TYPES.includes(type);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (key: string) => String(form.get(key) ?? "").trim() || null;
    const count = text("count");
    try {
      const source = await createSource({
        type,
        name: text("name") ?? "",
        count: count ? Number(count) : null,
        affiliation: text("affiliation"),
        role: text("role"),
        anonymityReason: anonymous ? text("anonymityReason") : null,
        identityKnownToNewsroom: anonymous ? form.get("identityKnown") === "on" : null,
        ...(type === "person" ? { gender: GENDERS.find((g) => g === form.get("gender")) ?? "unknown" } : {}),
      });
      onCreated(source);
    } catch (e) {
      setError(describeError(e));
    }
  }

  const field = "mt-1 w-full rounded border border-gray-300 px-2 py-1";
  return (
    <form
      onSubmit={submit}
      aria-label="New source"
      className="space-y-2 rounded border border-gray-300 bg-gray-50 p-3 text-sm"
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      {error && (
        <p role="alert" className="text-red-700">
          {error}
        </p>
      )}
      <label className="block">
        Type
        <select name="type" value={type} onChange={(e) => setType(e.target.value as SourceType)} className={field}>
          {SOURCE_TYPES.map((t) => (
            <option key={t} value={t}>
              {SOURCE_TYPE_LABELS[t]}
            </option>
          ))}
        </select>
      </label>
      <label className="block">
        {anonymous ? "Descriptor as written" : "Name"}
        {/* biome-ignore lint/a11y/noAutofocus: the form opens when the editor asks to create a source; they type its name next */}
        <input name="name" defaultValue={name} required dir="auto" className={field} autoFocus />
      </label>
      <div className="grid grid-cols-2 gap-2">
        <label className="block">
          Count
          <input name="count" type="number" min={1} defaultValue={guess.count ?? ""} className={field} />
        </label>
        <label className="block">
          Role
          <input name="role" className={field} />
        </label>
      </div>
      <label className="block">
        Affiliation
        <input name="affiliation" className={field} />
      </label>
      {type === "person" && (
        <label className="block">
          Gender, as they describe themselves
          <select name="gender" defaultValue="unknown" className={field}>
            {GENDERS.map((g) => (
              <option key={g} value={g}>
                {g === "unknown" ? "Unknown (not recorded)" : GENDER_LABELS[g]}
              </option>
            ))}
          </select>
        </label>
      )}
      {anonymous && (
        <>
          <label className="block">
            Reason anonymity was granted
            <input
              name="anonymityReason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder="e.g. requested anonymity"
              className={field}
            />
          </label>
          {!reason.trim() && <AnonymityWarning />}
          <label className="flex items-center gap-2">
            <input type="checkbox" name="identityKnown" /> An editor knows the identity
          </label>
        </>
      )}
      <div className="flex gap-2">
        <button type="submit" className="rounded bg-accent px-3 py-1 font-medium text-white">
          Create source
        </button>
        <button type="button" onClick={onCancel} className="rounded border border-gray-300 px-3 py-1">
          Cancel
        </button>
      </div>
    </form>
  );
}

"use client";

import { useState } from "react";

/**
 * An attribution's note, saved when the field is left (or with its button). What the editor typed
 * stays until it is saved: a new version from the server replaces the text only while it is
 * unchanged, so a refused save never throws typing away.
 */
export function NoteField({
  saved,
  readOnly,
  onSave,
}: {
  saved: string | null;
  readOnly: boolean;
  onSave: (note: string | null) => void;
}) {
  const [note, setNote] = useState(saved ?? "");
  const [base, setBase] = useState(saved ?? "");
  if ((saved ?? "") !== base) {
    setBase(saved ?? "");
    if (note === base) setNote(saved ?? "");
  }
  const dirty = note.trim() !== (saved ?? "");
  const save = () => {
    if (dirty) onSave(note.trim() || null);
  };
  return (
    <div className="space-y-1 text-sm">
      <label className="block">
        Note
        <textarea
          value={note}
          readOnly={readOnly}
          rows={2}
          dir="auto"
          onChange={(e) => setNote(e.target.value)}
          onBlur={save}
          className="mt-1 w-full rounded border border-gray-300 px-2 py-1"
        />
      </label>
      {dirty && !readOnly && (
        <button
          type="button"
          // Saved by the click, not by the text area's blur as well.
          onMouseDown={(e) => e.preventDefault()}
          onClick={save}
          className="rounded border border-gray-300 px-2 py-0.5 text-xs"
        >
          Save note
        </button>
      )}
    </div>
  );
}

"use client";

import { type RefObject, useState } from "react";
import { ATTRIBUTION_MODES } from "@/lib/claims/schema";
import type { AttributionChanges } from "@/lib/client/attributions";
import { MODE_LABELS } from "@/lib/reports/labels";
import { ANONYMOUS_SOURCE_TYPES } from "@/lib/sources/source-types";
import { plural } from "@/lib/text/plural";
import type { WorkspaceAttribution, WorkspaceSource } from "@/lib/workspace/types";
import { SourceTypeBadge } from "../source-type-badge";
import { AnonymityWarning, NewSourceForm } from "./new-source-form";
import { NoteField } from "./note-field";
import { saveAttribution } from "./save-attribution";
import { SourceCombobox } from "./source-combobox";
import type { Workspace } from "./use-workspace";

/** The modes in the order of their shortcut keys, 1 to 3. */
export const MODES = ATTRIBUTION_MODES.map((value, i) => ({ value, label: MODE_LABELS[value], key: String(i + 1) }));

interface Props {
  attribution: WorkspaceAttribution;
  articleId: string;
  workspace: Workspace;
  readOnly: boolean;
  onPick: (target: "cue" | "mention") => void;
  onDelete: () => void;
  onDone: () => void;
  viaInput?: RefObject<HTMLInputElement | null>;
}

export function describeSource(s: WorkspaceSource) {
  return [s.count ? plural(s.count, "person", "people") : null, s.affiliation, s.role].filter(Boolean).join(" · ");
}

/** One attribution: every control saves at once, guarded by the attribution's version. */
export function AttributionEditor(props: Props) {
  const { attribution: a, articleId, workspace, readOnly, onPick, onDelete, onDone } = props;
  const [creatingVia, setCreatingVia] = useState<string | null>(null);
  // Shown at once while saving; follows the server's mode whenever a new version arrives.
  const [mode, setMode] = useState(a.mode);
  const [seenVersion, setSeenVersion] = useState(a.version);
  if (seenVersion !== a.version) {
    setSeenVersion(a.version);
    setMode(a.mode);
  }
  // Changes made with a control send focus back to the text; the note is saved on blur, where the
  // editor chose where focus goes.
  const patch = (changes: Omit<AttributionChanges, "version">, done = "Saved") =>
    saveAttribution(workspace, a, changes, done).then((result) => {
      if (!("note" in changes)) onDone();
      return result;
    });
  const anonymous = ANONYMOUS_SOURCE_TYPES.includes(a.source.type);

  return (
    <fieldset className="space-y-3 rounded border border-gray-200 p-3" aria-label={`Attribution to ${a.source.name}`}>
      <legend className="flex items-center gap-2 px-1 text-sm font-medium">
        <SourceTypeBadge type={a.source.type} /> <span dir="auto">{a.source.name}</span>
      </legend>
      {describeSource(a.source) && (
        <p className="text-xs text-muted" dir="auto">
          {describeSource(a.source)}
        </p>
      )}
      {anonymous &&
        (a.source.anonymityReason ? (
          <p className="text-xs">Anonymity: {a.source.anonymityReason}</p>
        ) : (
          <AnonymityWarning />
        ))}

      <div role="radiogroup" aria-label="Mode" className="flex flex-wrap gap-3 text-sm">
        {MODES.map((m) => (
          <label key={m.value} className="flex items-center gap-1">
            <input
              type="radio"
              name={`mode-${a.id}`}
              value={m.value}
              checked={mode === m.value}
              disabled={readOnly}
              onChange={() => {
                setMode(m.value);
                void patch({ mode: m.value }, `Mode: ${m.label.toLowerCase()}`);
              }}
            />
            {m.label} <kbd className="text-xs text-muted">{m.key}</kbd>
          </label>
        ))}
      </div>

      {(["cue", "mention"] as const).map((target) => (
        <div key={target} className="flex flex-wrap items-center gap-2 text-sm">
          <span className="w-16 text-muted">{target === "cue" ? "Cue" : "Mention"}</span>
          <span dir="auto" className={target === "cue" ? "underline decoration-dotted" : "underline"}>
            {a[target] ? `“${a[target]!.text}”` : "—"}
          </span>
          {!readOnly && (
            <>
              <button
                type="button"
                className="ml-auto rounded border border-gray-300 px-2 py-0.5 text-xs"
                onClick={() => onPick(target)}
              >
                Mark {target} <kbd>{target === "cue" ? "c" : "m"}</kbd>
              </button>
              {a[target] && (
                <button
                  type="button"
                  className="rounded border border-gray-300 px-2 py-0.5 text-xs"
                  onClick={() => patch({ [target]: null }, `${target} cleared`)}
                >
                  Clear {target}
                </button>
              )}
            </>
          )}
        </div>
      ))}

      <div className="space-y-1 text-sm">
        <div className="flex items-center gap-2">
          <span className="w-16 text-muted">Via</span>
          <span dir="auto">{a.via ? a.via.name : "— (first-hand)"}</span>
          {a.via && !readOnly && (
            <button
              type="button"
              className="ml-auto rounded border border-gray-300 px-2 py-0.5 text-xs"
              onClick={() => patch({ viaSourceId: null }, "Via removed")}
            >
              Remove via
            </button>
          )}
        </div>
        {!readOnly &&
          !a.via &&
          (creatingVia !== null ? (
            <NewSourceForm
              name={creatingVia}
              onCancel={() => setCreatingVia(null)}
              onCreated={(s) => {
                setCreatingVia(null);
                void patch({ viaSourceId: s.id }, `Via ${s.name}`);
              }}
            />
          ) : (
            <SourceCombobox
              ref={props.viaInput}
              label="Via (second-hand source)"
              articleId={articleId}
              placeholder="e.g. the outlet that quoted them"
              onPick={(s) => patch({ viaSourceId: s.id }, `Via ${s.name}`)}
              onCreate={setCreatingVia}
            />
          ))}
      </div>

      <NoteField saved={a.note} readOnly={readOnly} onSave={(note) => void patch({ note }, "Note saved")} />

      {!readOnly && (
        <button type="button" onClick={onDelete} className="text-sm text-red-700 underline">
          Remove this attribution
        </button>
      )}
    </fieldset>
  );
}

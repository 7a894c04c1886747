"use client";

import type { Span } from "@/lib/spans/check-span";

/** Widening or narrowing a claim: the new text, saved with Enter, and how to change it. */
export function SpanAdjuster(props: {
  body: string;
  draft: Span | null;
  onAdjust: () => void;
  onSave: () => void;
  onCancel: () => void;
}) {
  if (!props.draft)
    return (
      <button type="button" onClick={props.onAdjust} className="rounded border border-gray-300 px-2 py-0.5 text-xs">
        Adjust span <kbd>a</kbd>
      </button>
    );
  return (
    <section aria-label="New span" className="space-y-2 rounded border border-yellow-300 bg-yellow-50 p-2 text-sm">
      <p dir="auto" className="font-serif">
        {props.body.slice(props.draft.start, props.draft.end)}
      </p>
      <p className="text-xs text-muted">
        Drop a word with <kbd>Shift</kbd>+<kbd>←</kbd>/<kbd>→</kbd>, add one with <kbd>Alt</kbd>+<kbd>Shift</kbd>
        +arrows, or drag over the text. Sources, cue and mention stay.
      </p>
      <div className="flex gap-2">
        <button
          type="button"
          onClick={props.onSave}
          className="rounded bg-accent px-2 py-0.5 text-xs font-medium text-white"
        >
          Save span <kbd>Enter</kbd>
        </button>
        <button type="button" onClick={props.onCancel} className="rounded border border-gray-300 px-2 py-0.5 text-xs">
          Cancel <kbd>Esc</kbd>
        </button>
      </div>
    </section>
  );
}

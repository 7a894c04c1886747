"use client";

import { useEffect, useRef } from "react";

export const SHORTCUTS: [string, string][] = [
  ["j / k or ↓ / ↑", "next / previous statement"],
  ["Enter", "take the statement as a claim; Enter again creates it"],
  ["Shift + → / ←", "drop the first / last word of the selection"],
  ["Alt + Shift + ← / →", "add a word before / after"],
  ["s", "search the source of the current claim"],
  ["1 / 2 / 3", "direct quote / partial quote / paraphrase"],
  ["c / m", "mark the cue / the source mention: ← → move, Shift+→ extends, Enter saves"],
  ["[ / ]", "previous / next claim"],
  ["n", "go to the suggestions: Enter accepts, Backspace rejects, e accepts and edits, ↑ ↓ move"],
  ["u", "next unsourced sentence"],
  ["x", "delete the current claim (undo from the message)"],
  ["Esc", "cancel the selection or marking"],
  ["?", "this help"],
];

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-labelledby="help-title"
      className="m-auto max-w-lg rounded-lg p-6 shadow-xl backdrop:bg-black/30"
    >
      <h2 id="help-title" className="mb-4 text-lg font-semibold">
        Keyboard shortcuts
      </h2>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys} className="contents">
            <dt>
              <kbd className="rounded border border-gray-300 bg-gray-50 px-1">{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog" className="mt-6 text-right">
        {/* biome-ignore lint/a11y/noAutofocus: a modal dialog puts focus on its close button */}
        <button type="submit" className="rounded border border-gray-300 px-3 py-1" autoFocus>
          Close
        </button>
      </form>
    </dialog>
  );
}

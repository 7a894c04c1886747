"use client";

import { useEffect, useRef } from "react";
import { KEYMAP, type KeyMode, keyLabel, MODE_TITLES } from "./keymap";

const MODES: KeyMode[] = ["text", "span", "pick"];

/** Every shortcut, read from the keymap the key handler uses. */
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
      className="m-auto max-h-[90vh] max-w-lg overflow-auto rounded-lg p-6 shadow-xl backdrop:bg-black/30"
    >
      <h2 id="help-title" className="mb-4 text-lg font-semibold">
        Keyboard shortcuts
      </h2>
      {MODES.map((mode) => (
        <section key={mode} aria-labelledby={`help-${mode}`} className="mb-4">
          <h3 id={`help-${mode}`} className="mb-2 text-sm font-medium text-muted">
            {MODE_TITLES[mode]}
          </h3>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            {KEYMAP.filter((b) => b.mode === mode).map((b) => (
              <div key={b.keys.join()} className="contents">
                <dt>
                  {b.keys.map((k, i) => (
                    <span key={k}>
                      {i > 0 && " or "}
                      <kbd className="rounded border border-gray-300 bg-gray-50 px-1">{keyLabel(k)}</kbd>
                    </span>
                  ))}
                </dt>
                <dd>{b.description}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <form method="dialog" className="mt-6 text-right">
        {/* biome-ignore lint/a11y/noAutofocus: a modal dialog puts focus on its close button */}
        <button type="submit" className="rounded border border-gray-300 px-3 py-1" autoFocus>
          Close
        </button>
      </form>
    </dialog>
  );
}

"use client";

import type { WorkspaceStatement } from "@/lib/workspace/types";

interface Props {
  sentences: number;
  sourced: number;
  unsourced: WorkspaceStatement[];
  onJump: (statement: WorkspaceStatement) => void;
  showList: boolean;
}

/** Sentences with at least one attributed claim, out of all sentences; unsourced ones one click away. */
export function CoverageMeter({ sentences, sourced, unsourced, onJump, showList }: Props) {
  const percent = sentences ? Math.round((sourced / sentences) * 100) : 100;
  return (
    <div className="space-y-2">
      <label className="block text-sm">
        <span className="flex justify-between">
          <span>Sourced sentences</span>
          <span>
            {sourced} of {sentences} ({percent}%)
          </span>
        </span>
        <progress max={sentences || 1} value={sentences ? sourced : 1} className="mt-1 h-2 w-full accent-accent" />
      </label>
      {showList &&
        (unsourced.length ? (
          <>
            <p className="text-sm font-medium">
              Unsourced statements{" "}
              <span className="font-normal text-muted">
                (<kbd>u</kbd> jumps to the next)
              </span>
            </p>
            <ul className="space-y-1">
              {unsourced.map((s) => (
                <li key={s.id}>
                  <button
                    type="button"
                    onClick={() => onJump(s)}
                    dir="auto"
                    className="line-clamp-2 text-left text-sm underline decoration-gray-300"
                  >
                    {s.text}
                  </button>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="text-sm text-green-800">Every sentence has an attributed claim.</p>
        ))}
    </div>
  );
}

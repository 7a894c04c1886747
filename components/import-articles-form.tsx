"use client";

import { type FormEvent, useState } from "react";
import type { ImportEvent, ImportFailure, ImportSummary } from "@/lib/import/schema";
import { buttonClass } from "./field";

type Progress = Extract<ImportEvent, { type: "progress" }>;
type Phase = "idle" | "running" | "done" | "stopped";

/** Failures listed on the page; the count in the summary is always complete. */
const SHOWN_FAILURES = 100;

/** Reads an NDJSON response body event by event as it streams in. */
async function* events(response: Response): AsyncGenerator<Record<string, unknown>> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += value;
    const lines = buffered.split("\n");
    buffered = lines.pop() ?? "";
    for (const line of lines) if (line.trim()) yield JSON.parse(line);
  }
  if (buffered.trim()) yield JSON.parse(buffered);
}

export function ImportArticlesForm() {
  const [phase, setPhase] = useState<Phase>("idle");
  const [fileSize, setFileSize] = useState(0);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [failures, setFailures] = useState<ImportFailure[]>([]);
  const [summary, setSummary] = useState<ImportSummary | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || !file.size) {
      setError("Choose a file to import.");
      return;
    }
    setPhase("running");
    setFileSize(file.size);
    setProgress(null);
    setFailures([]);
    setSummary(null);
    setError(null);
    try {
      const response = await fetch(`/api/articles/import?onDuplicate=${form.get("onDuplicate")}`, {
        method: "POST",
        headers: { "content-type": "application/x-ndjson" },
        body: file,
      });
      if (!response.ok) {
        const body = await response.json().catch(() => null);
        throw new Error(body?.error?.message ?? `The import was refused (${response.status})`);
      }
      for await (const e of events(response)) {
        if (e.type === "progress") setProgress(e as Progress);
        else if (e.type === "failure")
          setFailures((list) => (list.length < SHOWN_FAILURES ? [...list, e as unknown as ImportFailure] : list));
        else if (e.type === "summary") {
          setSummary(e as unknown as ImportSummary);
          setPhase("done");
          return;
        } else if (e.type === "error") throw new Error((e.error as { message: string }).message);
      }
      throw new Error(
        "The connection ended before the import finished; importing the file again skips what was stored.",
      );
    } catch (caught) {
      setError((caught as Error).message);
      setPhase("stopped");
    }
  }

  const share = progress && fileSize ? Math.min(1, progress.bytes / fileSize) : 0;
  const counts = summary ?? progress;
  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="import-file" className="block text-sm font-medium">
            NDJSON file (.jsonl, .jsonl.gz)
          </label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".jsonl,.ndjson,.json,.gz"
            className="mt-1 block text-sm"
          />
        </div>
        <div>
          <label htmlFor="import-duplicates" className="block text-sm font-medium">
            Articles already here
          </label>
          <select
            id="import-duplicates"
            name="onDuplicate"
            defaultValue="skip"
            className="mt-1 rounded border px-2 py-1 text-sm"
          >
            <option value="skip">Skip them</option>
            <option value="update">Update them</option>
          </select>
        </div>
        <button type="submit" className={buttonClass} disabled={phase === "running"}>
          {phase === "running" ? "Importing…" : "Import"}
        </button>
      </form>

      {phase !== "idle" && (
        <section aria-label="Import progress" className="space-y-2">
          <progress
            className="w-full max-w-xl"
            aria-label="Share of the file imported"
            max={1}
            value={phase === "done" ? 1 : share}
          />
          <p role="status" aria-live="polite" className="text-sm">
            {phase === "running" &&
              `Importing… ${Math.round(share * 100)}% of the file, ${progress?.lines ?? 0} lines read. `}
            {phase === "done" && `Done in ${summary!.seconds.toFixed(1)} s. `}
            {counts &&
              `Created ${counts.created}, updated ${counts.updated}, skipped ${counts.skipped}, failed ${counts.failed}.`}
          </p>
          {error && (
            <p role="alert" className="text-sm text-red-700">
              {error}
            </p>
          )}
          {failures.length > 0 && (
            <div>
              <h2 className="text-sm font-semibold">Lines that were not imported</h2>
              <ul className="mt-1 max-h-64 overflow-auto text-sm" aria-label="Failed lines">
                {failures.map((f) => (
                  <li key={`${f.line}-${f.ref ?? ""}`}>
                    Line {f.line}
                    {f.ref ? ` (${f.ref})` : ""}: {f.reason}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </section>
      )}
    </div>
  );
}

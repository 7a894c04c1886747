/**
 * What the text workers run: the CPU-heavy, pure parts of an import or a suggestion request. Kept
 * free of database and Next imports so a bare worker thread can load it (see text-worker.mjs).
 */
import { type ReanchorInput, reanchorArticle } from "@/lib/anchoring/reanchor-article";
import { segmentText, type TextSegment } from "@/lib/statements/segment-text";
import { type Suggestion, type SuggestOptions, suggestAttributions } from "@/lib/suggestions/engine";

export function segment(text: string): TextSegment[] {
  return segmentText(text);
}

export function suggest(task: { text: string; options: SuggestOptions }): Suggestion[] {
  return suggestAttributions(task.text, task.options);
}

export function reanchor(input: ReanchorInput): ReturnType<typeof reanchorArticle> {
  return reanchorArticle(input);
}

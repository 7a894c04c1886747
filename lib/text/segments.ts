import type { Span } from "@/lib/spans/check-span";

export interface Mark<K extends string = string> extends Span {
  kind: K;
  id: string;
}

export interface Segment<K extends string = string> extends Span {
  marks: Mark<K>[];
}

/**
 * Cuts `range` at every boundary of the marks that overlap it, so overlapping highlights (a claim
 * containing its cue, two claims sharing words) render as flat runs of text, each knowing its marks.
 */
export function splitIntoSegments<K extends string>(range: Span, marks: Mark<K>[]): Segment<K>[] {
  const relevant = marks.filter((m) => m.start < range.end && m.end > range.start);
  const cuts = new Set([range.start, range.end]);
  for (const m of relevant) {
    if (m.start > range.start) cuts.add(m.start);
    if (m.end < range.end) cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment<K>[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i];
    const end = points[i + 1];
    segments.push({ start, end, marks: relevant.filter((m) => m.start <= start && m.end >= end) });
  }
  return segments;
}

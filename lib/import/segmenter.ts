import { segmentText, type TextSegment } from "@/lib/statements/segment-text";

/**
 * Splits a batch of article bodies into statements. Injectable so the import can hand the work to
 * worker threads (issue 14's pool) while its connection writes the previous batch; the default runs
 * in this thread, between the database round trips.
 */
export type Segmenter = (bodies: string[]) => Promise<TextSegment[][]>;

export const segmentInProcess: Segmenter = async (bodies) => bodies.map((body) => segmentText(body));

import { createHash } from "node:crypto";
import { normalizeSourceName } from "@/lib/sources/normalize-source-name";
import type { Suggestion } from "./engine";

/**
 * A suggestion's identity: its content words and its source, not its offsets, so a rejection
 * still holds after the text is edited elsewhere.
 */
export function suggestionKey(text: string, s: Suggestion): string {
  const content = text.slice(s.content.start, s.content.end);
  return createHash("sha256")
    .update(`${s.source.type}\u0000${normalizeSourceName(s.source.name)}\u0000${content}`)
    .digest("base64url")
    .slice(0, 22);
}

import { detect } from "tinyld";

/** A BCP 47 tag for the text, or "und" (undetermined) when the detector is unsure. */
export function detectLanguage(text: string): string {
  return detect(text.slice(0, 5000)) || "und";
}

import { splitsSurrogatePair } from "@/lib/spans/check-span";

/**
 * The first `length` code units of `text`, one fewer when that would end between the halves of
 * an emoji: a lone surrogate shows as � and PostgreSQL refuses it in JSON (a 500 on the write).
 */
export function cutText(text: string, length: number): string {
  if (text.length <= length) return text;
  return text.slice(0, splitsSurrogatePair(text, length) ? length - 1 : length);
}

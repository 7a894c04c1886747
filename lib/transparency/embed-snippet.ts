import { escapeHtml } from "@/lib/reports/format-html";

/** The `<iframe>` an editor pastes into the CMS; its height fits a card of a few sources. */
export function embedSnippet(origin: string, publicId: string, title: string): string {
  const src = `${origin}/t/${encodeURIComponent(publicId)}/embed`;
  return `<iframe src="${escapeHtml(src)}" title="${escapeHtml(`How this story was sourced: ${title}`)}" width="100%" height="640" style="border:0;max-width:48rem" loading="lazy" referrerpolicy="no-referrer"></iframe>`;
}

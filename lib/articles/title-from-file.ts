/** A Markdown file's first "# heading" (or a text file's first line) is a fair guess at the title. */
export function titleFromFile(text: string, fileName: string): string {
  const heading =
    text.match(/^#\s+(.+)$/m)?.[1] ??
    text
      .split("\n")
      .find((line) => line.trim())
      ?.trim() ??
    "";
  return heading.length <= 200 ? heading : fileName.replace(/\.(txt|md)$/i, "");
}

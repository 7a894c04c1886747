import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { titleFromFile } from "@/lib/articles/title-from-file";
import { type ExtractedArticle, extractHtml } from "./extract-html";
import { importLineSchema } from "./schema";

export const FOLDER_EXTENSIONS = [".txt", ".md", ".html", ".htm"] as const;

export interface FolderRecord {
  /** 1-based position in the sorted file list (reported like an NDJSON line number). */
  line: number;
  ref: string;
  input?: Record<string, unknown>;
  error?: string;
}

/** A page's own address, language, date or byline that would not pass validation is left out, not fatal. */
function withValidMetadata(extracted: ExtractedArticle): Record<string, unknown> {
  const { title, body, ...metadata } = extracted;
  const kept: Record<string, unknown> = { title, body };
  for (const [key, value] of Object.entries(metadata)) {
    const field = importLineSchema.shape[key as keyof typeof metadata];
    if (value !== undefined && field.safeParse(value).success) kept[key] = value;
  }
  return kept;
}

/** The importable files under `root`, recursively, in a stable (sorted) order. */
export async function listFolder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && FOLDER_EXTENSIONS.includes(path.extname(e.name).toLowerCase() as never))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort();
}

/**
 * One article per file: `.txt`/`.md` as they are (title from the first heading or line), `.html`
 * through Readability. Each gets `externalId` "file:<path under the folder>", so importing the same
 * folder again finds what it imported before.
 */
export async function* readFolder(root: string, files?: string[]): AsyncGenerator<FolderRecord> {
  const list = files ?? (await listFolder(root));
  for (const [i, ref] of list.entries()) {
    const line = i + 1;
    let text: string;
    try {
      text = (await readFile(path.join(root, ref), "utf8")).replace(/\r\n?/g, "\n");
    } catch (error) {
      yield { line, ref, error: `cannot read the file: ${(error as Error).message}` };
      continue;
    }
    const externalId = `file:${ref.split(path.sep).join("/")}`;
    if (/\.html?$/i.test(ref)) {
      const extracted = extractHtml(text);
      if (!extracted) yield { line, ref, error: "no article text found in the page" };
      else yield { line, ref, input: { externalId, ...withValidMetadata(extracted) } };
    } else yield { line, ref, input: { externalId, title: titleFromFile(text, path.basename(ref)), body: text } };
  }
}

import { z } from "zod";
import { createArticleSchema } from "@/lib/articles/schema";
import { storableString } from "@/lib/schema";

/** What an article already imported gets when it arrives again (same externalId, else same url). */
export const ON_DUPLICATE = ["skip", "update"] as const;
export type OnDuplicate = (typeof ON_DUPLICATE)[number];

/** One line of an NDJSON import: the fields of POST /api/articles (author and desk included) plus the newsroom's own id. */
export const importLineSchema = createArticleSchema
  .extend({ externalId: z.union([storableString(200).pipe(z.string().trim().min(1)), z.null()]).optional() })
  .strict();
export type ImportLine = z.infer<typeof importLineSchema>;

/** `POST /api/articles/import?onDuplicate=skip|update` */
export const importQuerySchema = z.object({ onDuplicate: z.enum(ON_DUPLICATE).default("skip") }).strict();

/**
 * Request bodies of POST /api/articles/import may be this large (the 2 MB JSON limit is for one
 * article; an archive is streamed line by line and never held whole). Larger archives: the CLI.
 */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;
/** One NDJSON line (an article of 1,000,000 characters is up to ~4 MB of UTF-8, escaped more). */
export const MAX_LINE_BYTES = 8 * 1024 * 1024;

export interface ImportFailure {
  line: number;
  /** The file (folder imports) or `externalId`, when known. */
  ref?: string;
  reason: string;
}

export interface ImportSummary {
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  failures: ImportFailure[];
  seconds: number;
}

export type ImportEvent =
  | {
      type: "progress";
      lines: number;
      created: number;
      updated: number;
      skipped: number;
      failed: number;
      bytes: number;
    }
  | ({ type: "failure" } & ImportFailure)
  | ({ type: "summary" } & ImportSummary);

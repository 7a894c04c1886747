import { z } from "zod";
import { enumValues } from "@/lib/enum-values";
import { ArticleStatus } from "@/lib/generated/prisma/enums";
import { limit, optionalText, storableString, text, version } from "@/lib/schema";

export const MAX_ARTICLE_CHARS = 1_000_000;

const languageTag = z
  .string()
  .max(35)
  .transform((tag, ctx) => {
    try {
      return Intl.getCanonicalLocales(tag)[0];
    } catch {
      ctx.addIssue({ code: "custom", message: "Must be a BCP 47 language tag such as en, ar or pt-BR" });
      return z.NEVER;
    }
  });

const httpUrl = z.url({ protocol: /^https?$/, message: "Must be an http(s) URL" }).max(2000);

/** The desk or section that owns a story ("politics", "metro"): a short tag trends break down by. */
const deskTag = optionalText(60);

const publicationDate = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })], {
    message: "Must be a date (YYYY-MM-DD) or an ISO date-time",
  })
  .transform((s) => new Date(s));

/** POST /api/articles and the "new article" form. The body is kept byte-exact: offsets refer to it. */
export const createArticleSchema = z
  .object({
    title: text(500).pipe(z.string().min(1, "Give the article a title")),
    body: storableString(MAX_ARTICLE_CHARS).refine((s) => s.trim().length > 0, "The article text is empty"),
    language: languageTag.optional(),
    outlet: optionalText(200),
    author: optionalText(200),
    desk: deskTag,
    url: z.union([httpUrl, z.null()]).optional(),
    publishedAt: z.union([publicationDate, z.null()]).optional(),
  })
  .strict();
export type CreateArticleInput = z.infer<typeof createArticleSchema>;

export const ARTICLE_STATUSES = enumValues(ArticleStatus);

export const listArticlesSchema = z
  .object({
    // storable: a NUL in `?q=` used to reach PostgreSQL and fail there (a 500 on /articles).
    q: text(200).optional(),
    status: z.enum(ARTICLE_STATUSES).optional(),
    limit,
    cursor: storableString(200).optional(),
  })
  .strict();
export type ListArticlesInput = z.infer<typeof listArticlesSchema>;

/**
 * PATCH /api/articles/:id: any metadata and/or the body, on top of `version`. A new body is kept
 * byte-exact like on import; its claims, parts, cues and mentions are re-anchored.
 */
export const updateArticleSchema = z
  .object({
    version,
    title: createArticleSchema.shape.title.optional(),
    body: createArticleSchema.shape.body.optional(),
    language: languageTag.optional(),
    outlet: optionalText(200),
    author: optionalText(200),
    desk: deskTag,
    url: z.union([httpUrl, z.null()]).optional(),
    publishedAt: z.union([publicationDate, z.null()]).optional(),
  })
  .strict()
  .refine((a) => Object.keys(a).some((k) => k !== "version"), {
    message: "Nothing to change: send at least one field besides version",
  });
export type UpdateArticleInput = z.infer<typeof updateArticleSchema>;

/** POST /api/articles/:id/status; which moves a role may make is in article-status.ts. */
export const changeStatusSchema = z
  .object({ status: z.enum(ARTICLE_STATUSES), version, comment: optionalText(2000) })
  .strict();
export type ChangeStatusInput = z.infer<typeof changeStatusSchema>;

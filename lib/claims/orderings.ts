import { Prisma } from "@/lib/generated/prisma/client";
import type { Ordering } from "@/lib/keyset";
import { ARTICLE_DATE } from "./filter-sql";
import type { ClaimSort } from "./schema";

const raw = Prisma.raw;

/** The explorer's sorts; each ends in an id so the order is total and keyset pages never overlap. */
export const CLAIM_ORDERINGS: Record<ClaimSort, Ordering> = {
  newest: {
    name: "newest",
    keys: [
      { expr: raw(`c."createdAt"`), type: "timestamp", desc: true },
      { expr: raw("c.id"), type: "uuid", desc: true },
    ],
  },
  oldest: {
    name: "oldest",
    keys: [
      { expr: raw(`c."createdAt"`), type: "timestamp", desc: false },
      { expr: raw("c.id"), type: "uuid", desc: false },
    ],
  },
  /** Newest stories first, each read top to bottom (the claim's copy of its article's date). */
  article: {
    name: "article",
    keys: [
      { expr: raw(`c."articleDate"`), type: "timestamp", desc: true },
      { expr: raw(`c."articleId"`), type: "uuid", desc: true },
      { expr: raw("c.start"), type: "int", desc: false },
      { expr: raw("c.id"), type: "uuid", desc: false },
    ],
  },
};

/** Unsourced statements read in article order whatever the sort: they have no creation time of their own. */
export const STATEMENT_ORDERING: Ordering = {
  name: "statements",
  keys: [
    { expr: ARTICLE_DATE, type: "timestamp", desc: true },
    { expr: raw("ar.id"), type: "uuid", desc: true },
    { expr: raw("st.ordinal"), type: "int", desc: false },
  ],
};

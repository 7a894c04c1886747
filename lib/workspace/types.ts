import type { ArticleDetail } from "@/lib/articles/find-article";
import type { AttributionJson, ClaimJson, SourceJson } from "@/lib/present";

/** What JSON.stringify makes of a server type: Dates become ISO strings. */
export type Serialized<T> = T extends Date
  ? string
  : T extends (infer U)[]
    ? Serialized<U>[]
    : T extends object
      ? { [K in keyof T]: Serialized<T[K]> }
      : T;

export type WorkspaceArticle = Serialized<ArticleDetail>;
export type WorkspaceClaim = Serialized<ClaimJson>;
export type WorkspaceAttribution = Serialized<AttributionJson>;
export type WorkspaceSource = Serialized<SourceJson>;
export type WorkspaceStatement = WorkspaceArticle["statements"][number];

import type { ArticleDetail } from "@/lib/articles/find-article";
import type { Serialized } from "@/lib/client/serialized";
import type { AttributionJson, ClaimJson, SourceJson } from "@/lib/present";

export type WorkspaceArticle = Serialized<ArticleDetail>;
export type WorkspaceClaim = Serialized<ClaimJson>;
export type WorkspaceAttribution = Serialized<AttributionJson>;
export type WorkspaceSource = Serialized<SourceJson>;
export type WorkspaceStatement = WorkspaceArticle["statements"][number];

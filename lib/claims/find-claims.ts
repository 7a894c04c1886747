import { afterCursor, keysetOrder, pageOf } from "@/lib/cursor";
import { db, type Prisma } from "@/lib/db";
import { claimInclude, presentClaim } from "@/lib/present";
import { ANONYMOUS_SOURCE_TYPES } from "@/lib/sources/source-types";
import type { FindClaimsInput } from "./schema";

/**
 * `anonymous=true` means the claim rests only on anonymous sources (it has attributions and none
 * names its source); `anonymous=false` means at least one attribution names its source.
 */
export function claimFilter(input: FindClaimsInput): Prisma.ClaimWhereInput {
  const and: Prisma.ClaimWhereInput[] = [];
  if (input.articleId?.length) and.push({ articleId: { in: input.articleId } });
  if (input.sourceType?.length) and.push({ attributions: { some: { source: { type: { in: input.sourceType } } } } });
  if (input.mode?.length) and.push({ attributions: { some: { mode: { in: input.mode } } } });
  if (input.reviewStatus?.length) and.push({ reviewStatus: { in: input.reviewStatus } });
  if (input.anonymous === true) {
    and.push({ attributions: { some: {} } }, { attributions: { none: { source: { type: { notIn: [...ANONYMOUS_SOURCE_TYPES] } } } } });
  } else if (input.anonymous === false) {
    and.push({ attributions: { some: { source: { type: { notIn: [...ANONYMOUS_SOURCE_TYPES] } } } } });
  }
  if (input.q) {
    and.push({
      OR: [
        { text: { contains: input.q, mode: "insensitive" } },
        { attributions: { some: { source: { name: { contains: input.q, mode: "insensitive" } } } } },
      ],
    });
  }
  return { AND: and };
}

export async function findClaims(input: FindClaimsInput) {
  const rows = await db().claim.findMany({
    where: { AND: [claimFilter(input), afterCursor(input.cursor)] },
    orderBy: keysetOrder,
    take: input.limit + 1,
    include: { ...claimInclude, article: { select: { body: true, title: true } } },
  });
  const page = pageOf(rows, input.limit);
  return {
    items: page.items.map(({ article, ...claim }) => ({ ...presentClaim(claim, article.body), articleTitle: article.title })),
    nextCursor: page.nextCursor,
  };
}

import { changeArticleStatus } from "@/lib/articles/change-status";
import { createArticle } from "@/lib/articles/create-article";
import { createArticleSchema } from "@/lib/articles/schema";
import { createAttributionSchema } from "@/lib/attributions/schema";
import { createAttribution } from "@/lib/attributions/write-attribution";
import { createClaim } from "@/lib/claims/create-claim";
import { createClaimSchema } from "@/lib/claims/schema";
import { createSourceSchema } from "@/lib/sources/schema";
import { createSource } from "@/lib/sources/write-source";
import { type TestUser, unique } from "./helpers";

/** Emoji, right-to-left text and a quote: offsets near them are where span checks go wrong. */
export const FIXTURE_BODY = `Talks resume today.\n\n"We are hopeful," the minister said on Monday. 😀 قال المتحدث إن المحادثات ستستأنف.`;

/** One article with a claim, a source and an attribution, made through the real services. */
export async function makeFixtures(editor: TestUser) {
  const body = FIXTURE_BODY;
  const article = await createArticle(
    createArticleSchema.parse({ title: unique("Security fixture"), body, language: "en" }),
    editor.id,
  );
  const source = await createSource(createSourceSchema.parse({ type: "person", name: unique("Minister") }), editor.id);
  const start = body.indexOf("We are");
  const claim = await createClaim(
    createClaimSchema.parse({ articleId: article.id, start, end: body.indexOf('," the') }),
    editor.id,
  );
  const cueStart = body.indexOf("said");
  const attribution = await createAttribution(
    createAttributionSchema.parse({
      claimId: claim.id,
      sourceId: source.id,
      mode: "direct_quote",
      cue: { start: cueStart, end: cueStart + 4 },
      mention: { start: body.indexOf("the minister"), end: body.indexOf(" said") },
    }),
    editor.id,
  );
  // A second, approved article, whose public transparency card the public routes can serve.
  const approver = { ...editor, name: "Fixture approver", role: "admin" as const };
  const published = await createArticle(
    createArticleSchema.parse({ title: unique("Published fixture"), body, language: "en" }),
    editor.id,
  );
  const inReview = await changeArticleStatus(published.id, { status: "in_review", version: 1 }, approver);
  const approved = await changeArticleStatus(published.id, { status: "approved", version: inReview.version }, approver);
  return { body, article, source, claim, attribution, publicId: approved.publicId! };
}
export type Fixtures = Awaited<ReturnType<typeof makeFixtures>>;

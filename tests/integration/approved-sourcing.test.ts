import { beforeAll, describe, expect, it } from "vitest";
import * as article from "@/app/api/articles/[id]/route";
import * as accept from "@/app/api/articles/[id]/suggestions/accept/route";
import * as suggestions from "@/app/api/articles/[id]/suggestions/route";
import * as attribution from "@/app/api/attributions/[id]/route";
import * as attributionRestore from "@/app/api/attributions/restore/route";
import * as attributions from "@/app/api/attributions/route";
import * as claim from "@/app/api/claims/[id]/route";
import * as claimRestore from "@/app/api/claims/restore/route";
import * as claims from "@/app/api/claims/route";
import * as source from "@/app/api/sources/[id]/route";
import { changeArticleStatus } from "@/lib/articles/change-status";
import { SENT_BACK_LABEL } from "@/lib/articles/sourcing-change";
import { db } from "@/lib/db";
import { call, makeUser, type TestUser, unique } from "./helpers";
import { makeFixtures } from "./security-fixtures";

let editor: TestUser;
let admin: TestUser;

beforeAll(async () => {
  [editor, admin] = await Promise.all([makeUser("editor"), makeUser("admin")]);
});

/** Draft → in review → approved, as a reviewer would move it. */
async function approve(articleId: string) {
  const reviewer = { ...admin, name: "Admin" };
  let { version, status } = await db().article.findUniqueOrThrow({ where: { id: articleId } });
  if (status === "draft")
    ({ version } = await changeArticleStatus(articleId, { status: "in_review", version }, reviewer));
  if (status !== "approved") await changeArticleStatus(articleId, { status: "approved", version }, reviewer);
}

/** An approved article with one claim, its source and attribution (security-fixtures.ts). */
async function approvedFixture() {
  const fx = await makeFixtures(editor);
  await approve(fx.article.id);
  return fx;
}

const articleState = (id: string) =>
  db().article.findUniqueOrThrow({ where: { id }, select: { status: true, version: true } });

/** The events that sent the article back to review. */
const sentBack = async (articleId: string) =>
  (await db().auditEvent.findMany({ where: { articleId, entity: "article" }, orderBy: { id: "asc" } })).filter(
    (e) => (e.after as { transition?: string } | null)?.transition === SENT_BACK_LABEL,
  );

/**
 * Runs a change on an approved article and checks it is back in review, audited with the cause.
 * The return to review is a version of its own; an edit of the article itself is one more.
 */
async function expectSentBack(
  articleId: string,
  cause: string,
  change: () => Promise<{ status: number }>,
  ownVersions = 0,
) {
  const before = await articleState(articleId);
  expect(before.status).toBe("approved");
  const answer = await change();
  expect(answer.status, JSON.stringify(answer)).toBeLessThan(300);
  const after = await articleState(articleId);
  expect(after).toEqual({ status: "in_review", version: before.version + ownVersions + 1 });
  const events = await sentBack(articleId);
  expect(events.at(-1)).toMatchObject({
    actorId: editor.id,
    before: { status: "approved", version: after.version - 1 },
    after: { status: "in_review", version: after.version, cause },
  });
  return events;
}

describe("changes to the sourcing of an approved article send it back to review", () => {
  it("adding a claim", async () => {
    const fx = await approvedFixture();
    const start = fx.body.indexOf("Talks");
    await expectSentBack(fx.article.id, "claim.create", () =>
      call(claims.POST, "POST", { user: editor, body: { articleId: fx.article.id, start, end: start + 5 } }),
    );
  });

  it("deleting a claim, and restoring it", async () => {
    const fx = await approvedFixture();
    await expectSentBack(fx.article.id, "claim.delete", () =>
      call(claim.DELETE, "DELETE", { user: editor, id: fx.claim.id }),
    );
    await approve(fx.article.id);
    await expectSentBack(fx.article.id, "claim.restore", () =>
      call(claimRestore.POST, "POST", { user: editor, body: { claimId: fx.claim.id } }),
    );
  });

  it("adding, editing, deleting and restoring an attribution", async () => {
    const fx = await approvedFixture();
    const other = await call((await import("@/app/api/sources/route")).POST, "POST", {
      user: editor,
      body: { type: "organization", name: unique("Ministry") },
    });
    await expectSentBack(fx.article.id, "attribution.create", () =>
      call(attributions.POST, "POST", {
        user: editor,
        body: { claimId: fx.claim.id, sourceId: other.json.id, mode: "paraphrase" },
      }),
    );
    await approve(fx.article.id);
    await expectSentBack(fx.article.id, "attribution.update", () =>
      call(attribution.PATCH, "PATCH", {
        user: editor,
        id: fx.attribution.id,
        body: { version: fx.attribution.version, mode: "partial_quote" },
      }),
    );
    await approve(fx.article.id);
    await expectSentBack(fx.article.id, "attribution.delete", () =>
      call(attribution.DELETE, "DELETE", { user: editor, id: fx.attribution.id }),
    );
    await approve(fx.article.id);
    await expectSentBack(fx.article.id, "attribution.restore", () =>
      call(attributionRestore.POST, "POST", { user: editor, body: { attributionId: fx.attribution.id } }),
    );
  });

  it("accepting a suggestion", async () => {
    const created = await call((await import("@/app/api/articles/route")).POST, "POST", {
      user: editor,
      body: { title: unique("Suggested"), body: '"Prices will fall next year," the finance minister said on Monday.' },
    });
    await approve(created.json.id);
    const open = await call(suggestions.GET, "GET", { user: editor, id: created.json.id });
    expect(open.json.suggestions.length).toBeGreaterThan(0);
    await expectSentBack(created.json.id, "suggestion.accept", () =>
      call(accept.POST, "POST", { user: editor, id: created.json.id, body: { key: open.json.suggestions[0].key } }),
    );
    // One return to review for the whole acceptance (claim, attribution and source together).
    expect(await sentBack(created.json.id)).toHaveLength(1);
  });

  it("retitling it, but not fixing its URL", async () => {
    const fx = await approvedFixture();
    const { version } = await articleState(fx.article.id);
    const url = await call(article.PATCH, "PATCH", {
      user: editor,
      id: fx.article.id,
      body: { version, url: "https://example.org/fixed" },
    });
    expect(url.json).toMatchObject({ status: "approved", version: version + 1 });
    await expectSentBack(
      fx.article.id,
      "article.title",
      () =>
        call(article.PATCH, "PATCH", {
          user: editor,
          id: fx.article.id,
          body: { version: version + 1, title: unique("A new headline") },
        }),
      1,
    );
  });

  it("editing how its source is described, in every approved article citing it; not the source's notes", async () => {
    const fx = await approvedFixture();
    const second = await approvedFixture();
    // The second article cites the first one's source too, as the "via".
    await db().attribution.update({ where: { id: second.attribution.id }, data: { viaSourceId: fx.source.id } });
    const notes = await call(source.PATCH, "PATCH", {
      user: editor,
      id: fx.source.id,
      body: { version: fx.source.version, notes: "called back on Tuesday" },
    });
    expect(notes.status).toBe(200);
    expect((await articleState(fx.article.id)).status).toBe("approved");
    await expectSentBack(fx.article.id, "source.update", () =>
      call(source.PATCH, "PATCH", {
        user: editor,
        id: fx.source.id,
        body: { version: notes.json.version, affiliation: "Ministry of Defence" },
      }),
    );
    expect(await articleState(second.article.id)).toMatchObject({ status: "in_review" });
    expect((await sentBack(second.article.id)).at(-1)).toMatchObject({ after: { cause: "source.update" } });
  });

  it("not a reviewer's verdict on a claim, and not a refused change (same transaction)", async () => {
    const fx = await approvedFixture();
    const before = await articleState(fx.article.id);
    const reviewed = await call(claim.PATCH, "PATCH", {
      user: admin,
      id: fx.claim.id,
      body: { reviewStatus: "approved", version: fx.claim.version },
    });
    expect(reviewed.status).toBe(200);
    const stale = await call(attribution.PATCH, "PATCH", {
      user: editor,
      id: fx.attribution.id,
      body: { version: fx.attribution.version + 7, mode: "paraphrase" },
    });
    expect(stale.status).toBe(409);
    const outside = await call(claims.POST, "POST", {
      user: editor,
      body: { articleId: fx.article.id, start: 0, end: fx.body.length + 5 },
    });
    expect(outside.status).toBe(400);
    expect(await articleState(fx.article.id)).toEqual(before);
    expect(await sentBack(fx.article.id)).toEqual([]);
  });

  it("a text edit still sends it back, with the same audit event as every other change", async () => {
    const fx = await approvedFixture();
    const { version } = await articleState(fx.article.id);
    await expectSentBack(
      fx.article.id,
      "article.text",
      () =>
        call(article.PATCH, "PATCH", { user: editor, id: fx.article.id, body: { version, body: `${fx.body} More.` } }),
      1,
    );
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import * as status from "@/app/api/articles/[id]/status/route";
import * as articles from "@/app/api/articles/route";
import { db } from "@/lib/db";
import { call, databaseFingerprint, makeUser, type TestUser, unique } from "./helpers";

let editor: TestUser;
let reviewer: TestUser;
let admin: TestUser;

beforeAll(async () => {
  [editor, reviewer, admin] = await Promise.all([makeUser("editor"), makeUser("reviewer"), makeUser("admin")]);
});

async function newArticle() {
  return (await call(articles.POST, "POST", { user: editor, body: { title: unique("status"), body: "One. Two." } }))
    .json;
}
const move = (user: TestUser, id: string, body: unknown) => call(status.POST, "POST", { user, id, body });

describe("POST /api/articles/:id/status", () => {
  it("walks draft → in review → sent back → in review → approved → reopened, auditing each move", async () => {
    const a = await newArticle();
    const submitted = await move(editor, a.id, { status: "in_review", version: 1 });
    expect(submitted.status).toBe(200);
    expect(submitted.json).toMatchObject({ id: a.id, status: "in_review", version: 2, allowedTransitions: [] });
    const sentBack = await move(reviewer, a.id, {
      status: "draft",
      version: 2,
      comment: "  Source C7 needs the reason for anonymity. ",
    });
    expect(sentBack.json).toMatchObject({ status: "draft", version: 3 });
    expect((await move(editor, a.id, { status: "in_review", version: 3 })).json.status).toBe("in_review");
    const approved = await move(reviewer, a.id, { status: "approved", version: 4 });
    expect(approved.json).toMatchObject({
      status: "approved",
      version: 5,
      allowedTransitions: [{ to: "in_review", label: "Reopen review", commentRecommended: true }],
    });
    expect(
      (await move(admin, a.id, { status: "in_review", version: 5, comment: "Correction requested" })).json,
    ).toMatchObject({ status: "in_review", version: 6 });

    const events = await db().auditEvent.findMany({
      where: { articleId: a.id, action: "update" },
      orderBy: { id: "asc" },
    });
    expect(
      events.map((e) => [(e.before as { status: string }).status, (e.after as { status: string }).status, e.actorId]),
    ).toEqual([
      ["draft", "in_review", editor.id],
      ["in_review", "draft", reviewer.id],
      ["draft", "in_review", editor.id],
      ["in_review", "approved", reviewer.id],
      ["approved", "in_review", admin.id],
    ]);
    expect(events[1].after).toMatchObject({
      transition: "Send back",
      comment: "Source C7 needs the reason for anonymity.",
    });
  });

  it("refuses a move the role may not make with 403 and changes nothing", async () => {
    const a = await newArticle();
    const before = await databaseFingerprint();
    const reviewerSubmits = await move(reviewer, a.id, { status: "in_review", version: 1 });
    expect(reviewerSubmits).toMatchObject({ status: 403, json: { error: { code: "forbidden" } } });
    expect(reviewerSubmits.json.error.message).toContain("Submit for review");
    await db().article.update({ where: { id: a.id }, data: { status: "in_review", version: 2 } });
    const mid = await databaseFingerprint();
    expect((await move(editor, a.id, { status: "approved", version: 2 })).status).toBe(403);
    expect(await databaseFingerprint()).toEqual(mid);
    expect(before).not.toEqual(mid);
  });

  it("refuses an impossible move with 409 and a clear message, whoever asks", async () => {
    const a = await newArticle();
    const before = await databaseFingerprint();
    const skip = await move(admin, a.id, { status: "approved", version: 1 });
    expect(skip.status).toBe(409);
    expect(skip.json.error).toEqual({
      code: "conflict",
      message: "An article cannot go from draft to approved; from draft it can go to in review",
    });
    expect((await move(editor, a.id, { status: "draft", version: 1 })).json.error.message).toBe(
      "The article is already draft",
    );
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("refuses a stale version with 409", async () => {
    const a = await newArticle();
    await move(editor, a.id, { status: "in_review", version: 1 });
    const before = await databaseFingerprint();
    const stale = await move(reviewer, a.id, { status: "approved", version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.json.error.message).toContain("version 2");
    expect(await databaseFingerprint()).toEqual(before);
  });

  it("validates input, needs a user and answers 404 for unknown articles", async () => {
    const a = await newArticle();
    const before = await databaseFingerprint();
    expect((await move(editor, a.id, { status: "published", version: 1 })).status).toBe(400);
    expect((await move(editor, a.id, { status: "in_review" })).status).toBe(400);
    expect((await move(editor, a.id, { status: "in_review", version: 1, extra: true })).status).toBe(400);
    expect((await call(status.POST, "POST", { id: a.id, body: { status: "in_review", version: 1 } })).status).toBe(401);
    expect(
      (await move(editor, "00000000-0000-4000-8000-000000000000", { status: "in_review", version: 1 })).status,
    ).toBe(404);
    expect(await databaseFingerprint()).toEqual(before);
  });
});

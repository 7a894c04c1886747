import { describe, expect, it } from "vitest";
import { allowedTransitions, checkTransition, STATUS_TRANSITIONS } from "@/lib/articles/article-status";

describe("article status transitions", () => {
  it.each([
    ["draft", "editor", ["in_review"]],
    ["draft", "admin", ["in_review"]],
    ["draft", "reviewer", []],
    ["in_review", "reviewer", ["approved", "draft"]],
    ["in_review", "admin", ["approved", "draft"]],
    ["in_review", "editor", []],
    ["approved", "reviewer", ["in_review"]],
    ["approved", "admin", ["in_review"]],
    ["approved", "editor", []],
  ] as const)("from %s a %s may go to %j", (status, role, expected) => {
    expect(allowedTransitions(status, role).map((t) => t.to)).toEqual(expected);
  });

  it("allows a listed move for its roles", () => {
    expect(checkTransition("in_review", "approved", "reviewer")).toMatchObject({
      ok: true,
      transition: { label: "Approve" },
    });
  });

  it("calls a move that does not exist invalid whoever asks, naming the possible ones", () => {
    const check = checkTransition("draft", "approved", "admin");
    expect(check).toMatchObject({ ok: false, reason: "invalid" });
    expect(!check.ok && check.message).toMatch(/from draft to approved.*in review/);
    expect(checkTransition("approved", "approved", "admin")).toMatchObject({
      ok: false,
      reason: "invalid",
      message: "The article is already approved",
    });
  });

  it("calls a listed move by the wrong role forbidden", () => {
    expect(checkTransition("draft", "in_review", "reviewer")).toMatchObject({ ok: false, reason: "forbidden" });
    expect(checkTransition("in_review", "approved", "editor")).toMatchObject({
      ok: false,
      reason: "forbidden",
      message: expect.stringContaining("you are editor"),
    });
  });

  it("asks for a comment when sending back or reopening", () => {
    expect(STATUS_TRANSITIONS.filter((t) => t.commentRecommended).map((t) => `${t.from}>${t.to}`)).toEqual([
      "in_review>draft",
      "approved>in_review",
    ]);
  });
});

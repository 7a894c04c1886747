import type { ArticleStatus, Role } from "@/lib/generated/prisma/enums";

/**
 * The review workflow of an article. Pure (no database), so the workspace can show exactly the
 * buttons the signed-in person may use and the server can enforce the same table.
 */
export interface StatusTransition {
  from: ArticleStatus;
  to: ArticleStatus;
  /** Button text. */
  label: string;
  roles: readonly Role[];
  /** Sending back without saying why leaves the editor guessing; the UI should ask for a comment. */
  commentRecommended: boolean;
}

export const STATUS_TRANSITIONS: readonly StatusTransition[] = [
  { from: "draft", to: "in_review", label: "Submit for review", roles: ["editor", "admin"], commentRecommended: false },
  { from: "in_review", to: "approved", label: "Approve", roles: ["reviewer", "admin"], commentRecommended: false },
  { from: "in_review", to: "draft", label: "Send back", roles: ["reviewer", "admin"], commentRecommended: true },
  // An approved article found wanting is reopened for review by whoever may approve it; editors
  // reopen it implicitly by editing its text (see update-article.ts).
  { from: "approved", to: "in_review", label: "Reopen review", roles: ["reviewer", "admin"], commentRecommended: true },
];

export const STATUS_LABELS: Record<ArticleStatus, string> = {
  draft: "draft",
  in_review: "in review",
  approved: "approved",
};

/** The moves `role` may make from `status`, in table order. */
export function allowedTransitions(status: ArticleStatus, role: Role): StatusTransition[] {
  return STATUS_TRANSITIONS.filter((t) => t.from === status && t.roles.includes(role));
}

export type TransitionCheck =
  | { ok: true; transition: StatusTransition }
  | { ok: false; reason: "invalid" | "forbidden"; message: string };

/** Whether `role` may move an article from `from` to `to`: an impossible move is "invalid" whoever asks. */
export function checkTransition(from: ArticleStatus, to: ArticleStatus, role: Role): TransitionCheck {
  if (from === to) return { ok: false, reason: "invalid", message: `The article is already ${STATUS_LABELS[to]}` };
  const transition = STATUS_TRANSITIONS.find((t) => t.from === from && t.to === to);
  if (!transition) {
    const possible = STATUS_TRANSITIONS.filter((t) => t.from === from).map((t) => STATUS_LABELS[t.to]);
    return {
      ok: false,
      reason: "invalid",
      message: `An article cannot go from ${STATUS_LABELS[from]} to ${STATUS_LABELS[to]}; from ${STATUS_LABELS[from]} it can go to ${possible.join(" or ")}`,
    };
  }
  if (!transition.roles.includes(role)) {
    return {
      ok: false,
      reason: "forbidden",
      message: `"${transition.label}" needs one of the roles ${transition.roles.join(", ")}; you are ${role}`,
    };
  }
  return { ok: true, transition };
}

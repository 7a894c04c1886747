import type { Role } from "@/lib/generated/prisma/enums";

/** Who may do what; every route handler, action and page asks through these. */
export const ROLES_THAT_WRITE: readonly Role[] = ["admin", "editor"];
export const ROLES_THAT_REVIEW: readonly Role[] = ["admin", "reviewer"];
export const ROLES_THAT_ADMINISTER: readonly Role[] = ["admin"];
/** Taking a public transparency card down should never wait for the right person. */
export const ROLES_THAT_TAKE_CARDS_DOWN: readonly Role[] = ["admin", "editor", "reviewer"];

export const canWrite = (role: Role) => ROLES_THAT_WRITE.includes(role);
export const canReview = (role: Role) => ROLES_THAT_REVIEW.includes(role);

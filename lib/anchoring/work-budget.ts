/**
 * The work one article's re-anchoring may do, shared by all its claims, cues and mentions: each
 * search and fuzzy comparison first asks for its worst-case cost (characters compared, DP cells)
 * and is skipped when the rest of the budget cannot pay it, so the whole is linear in the two
 * texts however many claims overlap and however repetitive the text (a skipped search leaves the
 * span lost or orphaned, as when its words are gone). ~100 M units is a few hundred ms of CPU.
 */
export interface WorkBudget {
  left: number;
}

/** Units per character of the old and new text, plus a floor so small articles are never starved. */
export const WORK_PER_CHAR = 48;
export const BASE_WORK = 8_000_000;

export function budgetFor(oldLength: number, newLength: number): WorkBudget {
  return { left: BASE_WORK + WORK_PER_CHAR * (oldLength + newLength) };
}

/** A budget that never runs out, for callers that look at one span. */
export const unlimited = (): WorkBudget => ({ left: Number.POSITIVE_INFINITY });

/** Takes `units` from the budget when it holds that many; false (and nothing taken) otherwise. */
export function spend(budget: WorkBudget, units: number): boolean {
  if (units > budget.left) return false;
  budget.left -= units;
  return true;
}

import type { z } from "zod";
import { AppError } from "./errors";

/**
 * What a server action returns to its form: field errors under their names, or one message, and
 * the values sent (React resets a form after its action; the form re-fills itself from these so a
 * rejected submission loses nothing the person typed).
 */
export type ActionResult =
  | { ok: true }
  | {
      ok: false;
      message: string;
      fieldErrors?: Record<string, string[]>;
      values?: Record<string, string>;
      attempt?: number;
    };

/** The text fields of a submitted form (never files or passwords), to hand back on failure. */
export function submittedValues(form: FormData, skip: string[] = ["password"]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form)
    if (typeof value === "string" && !skip.includes(key) && !key.startsWith("$")) values[key] = value;
  return values;
}

export function withValues(result: ActionResult, form: FormData): ActionResult {
  return result.ok ? result : { ...result, values: submittedValues(form), attempt: Date.now() };
}

export function fieldErrorsOf(error: z.ZodError): ActionResult {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    fieldErrors[field] = [...(fieldErrors[field] ?? []), issue.message];
  }
  return { ok: false, message: "Please correct the highlighted fields", fieldErrors };
}

/** Known failures become a message for the form; anything else is logged and reported plainly. */
export function failureOf(error: unknown): ActionResult {
  if (error instanceof AppError) return { ok: false, message: error.message, fieldErrors: undefined };
  console.error("[action] unexpected error", error);
  return { ok: false, message: "Something went wrong on our side; it has been logged. Please try again." };
}

"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { type ActionResult, failureOf, fieldErrorsOf, withValues } from "@/lib/action-result";
import { clientAddress } from "@/lib/auth/client-address";
import { sessionCookie } from "@/lib/auth/session-cookie";
import { deleteSession, SESSION_COOKIE } from "@/lib/auth/sessions";
import { signIn, signInSchema } from "@/lib/auth/sign-in";

export async function signInAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  const parsed = signInSchema.safeParse({ email: form.get("email"), password: form.get("password") });
  if (!parsed.success) return withValues(fieldErrorsOf(parsed.error), form);
  try {
    const { token, expiresAt } = await signIn(parsed.data, clientAddress());
    (await cookies()).set(SESSION_COOKIE, token, sessionCookie(expiresAt));
  } catch (error) {
    return withValues(failureOf(error), form);
  }
  redirect("/articles");
}

export async function signOutAction(): Promise<void> {
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value;
  if (token) await deleteSession(token);
  jar.delete(SESSION_COOKIE);
  redirect("/sign-in");
}

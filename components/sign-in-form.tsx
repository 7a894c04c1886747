"use client";

import { useActionState } from "react";
import { signInAction } from "@/app/sign-in/actions";
import { buttonClass, FormMessage, TextField } from "./field";

export function SignInForm() {
  const [state, action, pending] = useActionState(signInAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage message={state && !state.ok && !errors ? state.message : undefined} />
      <TextField label="Email" name="email" type="email" autoComplete="username" required autoFocus errors={errors?.email} />
      <TextField label="Password" name="password" type="password" autoComplete="current-password" required errors={errors?.password} />
      <button type="submit" className={buttonClass} disabled={pending}>{pending ? "Signing in…" : "Sign in"}</button>
    </form>
  );
}

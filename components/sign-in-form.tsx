"use client";

import { useActionState } from "react";
import { signInAction } from "@/app/sign-in/actions";
import { buttonClass, FormMessage, TextField } from "./field";

export function SignInForm() {
  const [state, action, pending] = useActionState(signInAction, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors;
  return (
    <form key={failed?.attempt ?? 0} action={action} className="space-y-4" noValidate>
      <FormMessage message={failed && !errors ? failed.message : undefined} />
      <TextField
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        required
        autoFocus={!failed?.values?.email}
        errors={errors?.email}
        defaultValue={failed?.values?.email}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        autoFocus={Boolean(failed?.values?.email)}
        errors={errors?.password}
      />
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}

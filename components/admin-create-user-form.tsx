"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { ApiError, describeError } from "@/lib/client/api";
import { createUser } from "@/lib/client/users";
import { ROLES } from "@/lib/users/schema";
import { buttonClass, FormMessage, TextField } from "./field";

type FieldErrors = Record<string, string[]>;

/** Creates a user through POST /api/users; field problems appear under their fields. */
export function AdminCreateUserForm() {
  const router = useRouter();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string>();
  const [created, setCreated] = useState<string>();
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    // The select offers only ROLES, so this finds one unless the page was tampered with.
    const role = ROLES.find((r) => r === data.get("role"));
    if (!role) {
      setErrors({ role: ["Choose a role"] });
      return;
    }
    setPending(true);
    setErrors({});
    setMessage(undefined);
    setCreated(undefined);
    try {
      const user = await createUser({
        email: String(data.get("email") ?? ""),
        name: String(data.get("name") ?? ""),
        role,
        password: String(data.get("password") ?? ""),
      });
      form.reset();
      setCreated(`Created ${user.email}`);
      router.refresh();
    } catch (error) {
      const fieldErrors: FieldErrors = {};
      if (error instanceof ApiError)
        for (const issue of error.issues ?? []) {
          const field = String(issue.path[0] ?? "form");
          fieldErrors[field] = [...(fieldErrors[field] ?? []), issue.message];
        }
      setErrors(fieldErrors);
      setMessage(Object.keys(fieldErrors).length ? "Please correct the highlighted fields" : describeError(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-3" noValidate>
      <FormMessage message={message} />
      {created && (
        <p role="status" className="text-sm text-green-800">
          {created}
        </p>
      )}
      <TextField label="Email" name="email" type="email" autoComplete="off" required errors={errors.email} />
      <TextField label="Name" name="name" autoComplete="off" required errors={errors.name} />
      <div className="space-y-1">
        <label htmlFor="role" className="block text-sm font-medium">
          Role
        </label>
        <select id="role" name="role" defaultValue="editor" className="rounded border border-gray-300 px-3 py-2">
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </div>
      <TextField
        label="Initial password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        errors={errors.password}
        hint="At least 8 characters; share it privately."
      />
      <button type="submit" className={buttonClass} disabled={pending}>
        {pending ? "Creating…" : "Create user"}
      </button>
    </form>
  );
}

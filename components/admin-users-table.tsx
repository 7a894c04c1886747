"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { describeError } from "@/lib/client/api";
import { updateUser } from "@/lib/client/users";
import { ROLES } from "@/lib/users/schema";
import { AdminResetPassword } from "./admin-reset-password";
import { type AdminTokenRow, AdminUserTokens } from "./admin-user-tokens";

export interface AdminUserRow {
  id: string;
  email: string;
  name: string;
  role: (typeof ROLES)[number];
  createdAt: string;
  apiTokens: AdminTokenRow[];
}

/** One user: their role (changed through PATCH /api/users/:id), their API tokens and a password reset. */
function AdminUserItem({ user, isSelf }: { user: AdminUserRow; isSelf: boolean }) {
  const router = useRouter();
  const [role, setRole] = useState(user.role);
  const [message, setMessage] = useState<{ text: string; error: boolean }>();
  const [pending, setPending] = useState(false);

  async function saveRole() {
    setPending(true);
    setMessage(undefined);
    try {
      await updateUser(user.id, { role });
      setMessage({ text: `${user.email} is now ${role}`, error: false });
      router.refresh();
    } catch (error) {
      setRole(user.role);
      setMessage({ text: describeError(error), error: true });
    } finally {
      setPending(false);
    }
  }

  const roleId = `role-${user.id}`;
  return (
    <li className="space-y-3 py-4">
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-2">
        <span className="font-medium">
          {user.name}
          {isSelf && <span className="text-muted"> (you)</span>}
        </span>
        <span className="text-sm text-muted">{user.email}</span>
        <span className="ml-auto flex items-center gap-2 text-sm">
          <label htmlFor={roleId}>Role for {user.email}</label>
          <select
            id={roleId}
            value={role}
            onChange={(e) => setRole(e.target.value as AdminUserRow["role"])}
            className="rounded border border-gray-300 px-2 py-1"
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
          <button
            type="button"
            onClick={saveRole}
            aria-label={`Save role for ${user.email}`}
            disabled={pending || role === user.role}
            className="rounded border border-gray-300 px-2 py-1 hover:bg-gray-50 disabled:opacity-50"
          >
            Save role
          </button>
        </span>
      </div>
      {message && (
        <p
          role={message.error ? "alert" : "status"}
          className={`text-sm ${message.error ? "text-red-800" : "text-green-800"}`}
        >
          {message.text}
        </p>
      )}
      <AdminUserTokens userId={user.id} email={user.email} tokens={user.apiTokens} />
      <AdminResetPassword userId={user.id} email={user.email} />
    </li>
  );
}

export function AdminUsersTable({ users, currentUserId }: { users: AdminUserRow[]; currentUserId: string }) {
  return (
    <section aria-labelledby="users-heading" className="space-y-2">
      <h2 id="users-heading" className="text-lg font-semibold">
        {users.length} users
      </h2>
      <ul className="divide-y divide-gray-200 border-y border-gray-200">
        {users.map((u) => (
          <AdminUserItem key={u.id} user={u} isSelf={u.id === currentUserId} />
        ))}
      </ul>
    </section>
  );
}

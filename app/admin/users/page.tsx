import type { Metadata } from "next";
import { AdminCreateUserForm } from "@/components/admin-create-user-form";
import { type AdminUserRow, AdminUsersTable } from "@/components/admin-users-table";
import { requirePageUser } from "@/lib/auth/page-user";
import { ROLES_THAT_ADMINISTER } from "@/lib/auth/permissions";
import { listUsersWithTokens } from "@/lib/users/list-users";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

/** Users and their API tokens; the forms call the same admin-only JSON API as scripts do. */
export default async function AdminUsersPage() {
  const user = await requirePageUser();
  if (!ROLES_THAT_ADMINISTER.includes(user.role)) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">Users</h1>
        <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          Forbidden (403): only admins manage users and API tokens. You are signed in as {user.role}.
        </p>
      </div>
    );
  }
  // Plain JSON (dates as strings) for the client components.
  const rows = JSON.parse(JSON.stringify(await listUsersWithTokens())) as AdminUserRow[];
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">Users</h1>
      <AdminUsersTable users={rows} currentUserId={user.id} />
      <section aria-labelledby="new-user-heading" className="max-w-xl space-y-3">
        <h2 id="new-user-heading" className="text-lg font-semibold">
          New user
        </h2>
        <AdminCreateUserForm />
      </section>
    </div>
  );
}

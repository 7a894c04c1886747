import { randomUUID } from "node:crypto";
import type { LaunchedServer } from "./launch-server";

export interface ServerUser {
  email: string;
  role: string;
  token: string;
}

/** A user with an API token in the launched server's database, made through the app's own services. */
export async function apiUser(server: LaunchedServer, role: "editor" | "reviewer" | "admin"): Promise<ServerUser> {
  if (process.env.DATABASE_URL !== server.databaseUrl) {
    const { closeDb } = await import("@/lib/db");
    await closeDb();
    process.env.DATABASE_URL = server.databaseUrl;
  }
  const { createApiToken, createUser } = await import("@/lib/users/create-user");
  const email = `server-${role}-${randomUUID().slice(0, 8)}@test.local`;
  const user = await createUser({ email, name: `Server ${role}`, role, password: "server-password-123" });
  return { email, role, token: await createApiToken(user.id, "server test") };
}

export async function eventually(check: () => Promise<boolean>, ms = 5_000): Promise<boolean> {
  const until = Date.now() + ms;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 100));
  }
}

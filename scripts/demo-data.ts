// The demo accounts and article that `npm run db:seed` (and every dev start) creates. Constants only, so
// the seed script and the e2e fixtures, which sign in as these accounts, share one definition.
import type { Role } from "../lib/generated/prisma/enums";

export const DEMO_PASSWORD = "sourcedesk-demo";
export const DEMO_ARTICLE_TITLE = "US may back a limited operation in Rafah, officials say";
export const DEMO_USERS = [
  { email: "editor@sourcedesk.local", name: "Demo Editor", role: "editor" },
  { email: "reviewer@sourcedesk.local", name: "Demo Reviewer", role: "reviewer" },
  { email: "admin@sourcedesk.local", name: "Demo Admin", role: "admin" },
] as const satisfies readonly { email: string; name: string; role: Role }[];

export const demoEmail = (role: Role) => DEMO_USERS.find((u) => u.role === role)!.email;

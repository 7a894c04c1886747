import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { findUserBySession, type CurrentUser } from "./find-user";
import { SESSION_COOKIE } from "./sessions";

/** For pages and server actions: the signed-in user, or a redirect to the sign-in page. */
export async function requirePageUser(): Promise<CurrentUser> {
  const user = await findUserBySession((await cookies()).get(SESSION_COOKIE)?.value);
  if (!user) redirect("/sign-in");
  return user;
}

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { type CurrentUser, findUserBySession } from "./find-user";
import { SESSION_COOKIE } from "./sessions";

/** For layouts: the signed-in user, or null. */
export async function findPageUser(): Promise<CurrentUser | null> {
  return findUserBySession((await cookies()).get(SESSION_COOKIE)?.value);
}

/** For pages and server actions: the signed-in user, or a redirect to the sign-in page. */
export async function requirePageUser(): Promise<CurrentUser> {
  const user = await findPageUser();
  if (!user) redirect("/sign-in");
  return user;
}

/** httpOnly (no script reads it), SameSite=Lax (no cross-site posts carry it), Secure in production. */
export function sessionCookie(expiresAt: Date) {
  return {
    httpOnly: true,
    sameSite: "lax" as const,
    secure: process.env.NODE_ENV === "production" && process.env.SOURCEDESK_INSECURE_COOKIES !== "1",
    path: "/",
    expires: expiresAt,
  };
}

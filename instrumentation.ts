/** Runs once when a Next server starts, before it serves requests. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installPeerAddressHook } = await import("./lib/auth/peer-address-hook");
  installPeerAddressHook();
}

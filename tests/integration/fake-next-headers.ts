/**
 * Stand-ins for `next/headers` so route handlers and server actions that read or set cookies run
 * outside a Next request (the real ones throw there). Tests use them through
 * `vi.mock("next/headers", () => import("./fake-next-headers"))`.
 */
export const cookieJar = new Map<string, string>();
export const cookieWrites: { name: string; value: string; options?: Record<string, unknown> }[] = [];
export const requestHeaders = new Headers();

export async function cookies() {
  return {
    get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name)! } : undefined),
    getAll: () => [...cookieJar].map(([name, value]) => ({ name, value })),
    has: (name: string) => cookieJar.has(name),
    set: (name: string, value: string, options?: Record<string, unknown>) => {
      cookieJar.set(name, value);
      cookieWrites.push({ name, value, options });
    },
    delete: (name: string) => {
      cookieJar.delete(name);
      cookieWrites.push({ name, value: "", options: { deleted: true } });
    },
  };
}

export async function headers() {
  return requestHeaders;
}

export function resetFakeNextHeaders() {
  cookieJar.clear();
  cookieWrites.length = 0;
  for (const key of [...requestHeaders.keys()]) requestHeaders.delete(key);
}

import { readdirSync } from "node:fs";
import path from "node:path";
import { runWithPeer } from "@/lib/auth/client-address";
import { ROOT, testPeer } from "./helpers";

export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
export const MUTATING_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface DiscoveredRoute {
  /** `POST /api/articles/:id/status` */
  key: string;
  method: string;
  path: string;
  file: string;
  handler: Handler;
}

/** `app/api/articles/[id]/status/route.ts` → `/api/articles/:id/status` */
export function routePath(file: string): string {
  const dir = path.dirname(path.relative(path.join(ROOT, "app"), file)).split(path.sep);
  return `/${dir.map((part) => part.replace(/^\[(.+)\]$/, ":$1")).join("/")}`;
}

/**
 * Every exported method of every `app/**\/route.ts` (the API, and public routes such as the
 * transparency card's `/t/…`), imported as Next would: nothing is listed by hand, so a new
 * endpoint shows up here (and fails the tables that lack it).
 */
export async function discoverRoutes(): Promise<DiscoveredRoute[]> {
  const apiDir = path.join(ROOT, "app");
  const files = readdirSync(apiDir, { recursive: true, encoding: "utf8" })
    .filter((f) => path.basename(f) === "route.ts" || path.basename(f) === "route.tsx")
    .map((f) => path.join(apiDir, f))
    .sort();
  const routes: DiscoveredRoute[] = [];
  for (const file of files) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const method of HTTP_METHODS) {
      if (typeof mod[method] !== "function") continue;
      const p = routePath(file);
      routes.push({
        key: `${method} ${p}`,
        method,
        path: p,
        file: path.relative(ROOT, file),
        handler: mod[method] as Handler,
      });
    }
  }
  return routes;
}

export interface InvokeOptions {
  token?: string;
  cookie?: string;
  origin?: string;
  id?: string;
  query?: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  /** The socket address (helpers.ts testPeer: a fresh one per call unless named). */
  peer?: string;
}

export interface Answer {
  status: number;
  text: string;
  json: unknown;
  contentType: string;
}

/** Calls a handler with a real Request; parses JSON answers, keeps others (CSV, HTML) as text. */
export async function invoke(
  route: Pick<DiscoveredRoute, "handler" | "method" | "path">,
  options: InvokeOptions = {},
): Promise<Answer> {
  // The handler gets the id as given (even a lone surrogate); the URL only needs to be well formed.
  // Whatever the path calls its one parameter (`:id`, `:publicId`), `options.id` fills it.
  const param = route.path.match(/:(\w+)/)?.[1] ?? "id";
  const url = new URL(
    `http://localhost${route.path.replace(`:${param}`, encodeURIComponent((options.id ?? "").toWellFormed()))}`,
  );
  for (const [key, value] of Object.entries(options.query ?? {})) url.searchParams.append(key, value);
  const headers: Record<string, string> = { host: "localhost", ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.cookie) headers.cookie = options.cookie;
  if (options.origin) headers.origin = options.origin;
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  if (body !== undefined) headers["content-type"] ??= "application/json";
  const canHaveBody = route.method !== "GET" && route.method !== "HEAD";
  const response = await runWithPeer(testPeer(options.peer, options.headers?.["x-forwarded-for"]), () =>
    route.handler(new Request(url, { method: route.method, headers, body: canHaveBody ? body : undefined }), {
      params: Promise.resolve({ [param]: options.id ?? "" }),
    }),
  );
  const text = await response.text();
  const contentType = response.headers.get("content-type") ?? "";
  let json: unknown = null;
  // NDJSON (the bulk import's event stream): the events as an array.
  if (contentType.includes("ndjson") && text)
    json = text
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
  else if (contentType.includes("json") && text) json = JSON.parse(text);
  return { status: response.status, text, json, contentType };
}

/** The API's one error shape: `{"error":{"code","message","issues?"}}` and nothing else. */
export function isErrorShape(json: unknown): boolean {
  if (!json || typeof json !== "object" || Object.keys(json).length !== 1) return false;
  const error = (json as { error?: unknown }).error;
  if (!error || typeof error !== "object") return false;
  const { code, message, issues, ...rest } = error as Record<string, unknown>;
  return (
    typeof code === "string" &&
    typeof message === "string" &&
    message.length > 0 &&
    Object.keys(rest).length === 0 &&
    (issues === undefined || Array.isArray(issues))
  );
}

/** helpers.ts's whole-database checksum plus the tables it predates (rejected suggestions). */

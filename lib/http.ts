import { NextResponse } from "next/server";
import { z } from "zod";
import { AppError, type ErrorIssue, STATUS_BY_CODE } from "./errors";
import { mapPrismaError } from "./prisma-errors";
import { API_CONTENT_SECURITY_POLICY, baseSecurityHeaders } from "./security/headers";

/** Request bodies above this are refused with 413 before parsing (a 5,000-word article is ~35 kB). */
export const MAX_BODY_BYTES = 2_000_000;

export function ok<T>(data: T, status = 200) {
  return NextResponse.json(data, { status });
}

export function errorResponse(error: AppError) {
  const body: { error: { code: string; message: string; issues?: ErrorIssue[] } } = {
    error: { code: error.code, message: error.message },
  };
  if (error.issues?.length) body.error.issues = error.issues;
  const headers = error.retryAfterSeconds ? { "retry-after": String(error.retryAfterSeconds) } : undefined;
  return NextResponse.json(body, { status: STATUS_BY_CODE[error.code], headers });
}

export function issuesFromZod(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((i) => ({
    path: i.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
    message: i.message,
  }));
}

export function parseWith<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError("validation_error", "The request is invalid", issuesFromZod(result.error));
  return result.data;
}

/**
 * The body's bytes as they stream in, refused with 413 (`tooLarge`) as soon as they pass `limit`:
 * counted as they arrive, so a chunked upload (no Content-Length) of 150 MB is cut off after 2 MB
 * instead of being read whole first. A declared Content-Length over the limit is refused before
 * reading. `received` (if given) is told the running count, for progress.
 */
export async function* readBody(
  request: Request,
  options: { limit: number; tooLarge?: () => AppError; received?: (bytes: number) => void; signal?: AbortSignal },
): AsyncGenerator<Uint8Array> {
  const refuse = options.tooLarge ?? tooLarge;
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > options.limit) throw refuse();
  if (!request.body) return;
  const reader = request.body.getReader();
  // Whoever waits for the answer went away: a read waiting on a stalled upload must not wait on.
  const stop = () => void reader.cancel().catch(() => undefined);
  options.signal?.addEventListener("abort", stop, { once: true });
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (options.signal?.aborted) throw new Error("the client went away");
      if (done) return;
      received += value.byteLength;
      if (received > options.limit) throw refuse();
      options.received?.(received);
      yield value;
    }
  } finally {
    options.signal?.removeEventListener("abort", stop);
    // Stopped early (over the limit, or the consumer gave up): stop the upload too.
    await reader.cancel().catch(() => undefined);
  }
}

/** The body as UTF-8 text, at most `limit` bytes (see readBody). */
export async function readBodyText(request: Request, limit = MAX_BODY_BYTES): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of readBody(request, { limit })) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

/** Reads and parses a JSON body with a size limit; never trusts Content-Length alone. */
export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const raw = await readBodyText(request);
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new AppError("validation_error", "The request body is not valid JSON");
  }
  return parseWith(schema, json);
}

export function parseSearchParams<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const params = new URL(request.url).searchParams;
  const input: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    // PostgreSQL text cannot hold NUL: `?q=%00` reached the database and failed there (a 500).
    if (all.some((v) => v.includes("\u0000")))
      throw new AppError("validation_error", "The request is invalid", [
        { path: [key], message: "Must not contain NUL characters" },
      ]);
    input[key] = all.length > 1 ? all : all[0];
  }
  return parseWith(schema, input);
}

const tooLarge = () => new AppError("too_large", `The request body exceeds ${MAX_BODY_BYTES} bytes`);

/** Turns anything a handler throws into the API's one error shape; unexpected errors are logged. */
export function toErrorResponse(error: unknown) {
  if (error instanceof AppError) return errorResponse(error);
  const mapped = mapPrismaError(error);
  if (mapped) return errorResponse(mapped);
  console.error("[api] unexpected error", error);
  return errorResponse(new AppError("internal_error", "Something went wrong on our side; it has been logged"));
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * The security headers of every API answer (proxy.ts does pages). An answer that brings its own
 * Content-Security-Policy (the HTML report) keeps it.
 */
export function withApiHeaders(response: Response): Response {
  const headers: Record<string, string> = {
    ...baseSecurityHeaders(process.env.NODE_ENV === "production"),
    "content-security-policy": API_CONTENT_SECURITY_POLICY,
  };
  try {
    for (const [name, value] of Object.entries(headers))
      if (!response.headers.has(name)) response.headers.set(name, value);
  } catch {
    // immutable headers (Response.redirect): nothing of ours to add
  }
  return response;
}

/** Wraps a route handler so every failure answers with `{"error":{code,message,issues?}}`. */
export function route<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    try {
      return withApiHeaders(await handler(request, context));
    } catch (error) {
      return withApiHeaders(toErrorResponse(error));
    }
  };
}

export interface IdContext {
  params: Promise<{ id: string }>;
}

/** The `[id]` path segment, which must be a UUID (anything else cannot exist: 404). */
export async function idParam(context: IdContext, what: string): Promise<string> {
  const { id } = await context.params;
  if (!z.uuid().safeParse(id).success) throw new AppError("not_found", `${what} not found`);
  return id;
}

/** What a streamed answer's producer writes with; resolves once the reader has room for more. */
export type StreamWrite = (text: string) => Promise<void>;

/** Output queued for a slow reader before the producer is made to wait: ~64 kB, not the whole answer. */
const STREAM_HIGH_WATER_BYTES = 64 * 1024;

/**
 * A streamed answer (NDJSON progress, exports) with backpressure: `write` resolves only while the
 * reader keeps up, so a client that reads slowly holds the producer back instead of the server
 * queueing everything it produces. When the reader goes away `write` rejects and `signal` aborts
 * (for work that waits on something else, such as the upload); `onClose` runs once the producer
 * has returned or failed, however the answer ended.
 */
export function streamResponse(
  produce: (write: StreamWrite, signal: AbortSignal) => Promise<void>,
  options: { headers: Record<string, string>; onClose?: () => void },
): Response {
  const encoder = new TextEncoder();
  const cancelled = new AbortController();
  let gone = false;
  let wake: (() => void) | undefined;
  const wakeWriter = () => {
    wake?.();
    wake = undefined;
  };
  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        const write: StreamWrite = async (text) => {
          if (gone) throw new Error("the client went away");
          controller.enqueue(encoder.encode(text));
          while (!gone && (controller.desiredSize ?? 0) <= 0) await new Promise<void>((resolve) => (wake = resolve));
          if (gone) throw new Error("the client went away");
        };
        // Not awaited: start() must return for the reader's pulls (and so the writer's wake-ups) to begin.
        void produce(write, cancelled.signal)
          .then(
            () => !gone && controller.close(),
            (error) => {
              if (!gone) {
                console.error("[stream] the producer failed", error);
                controller.error(error);
              }
            },
          )
          .finally(() => options.onClose?.());
      },
      pull: wakeWriter,
      cancel() {
        gone = true;
        cancelled.abort();
        wakeWriter();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: STREAM_HIGH_WATER_BYTES }),
  );
  return new Response(stream, { status: 200, headers: options.headers });
}

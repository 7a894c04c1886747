export type ErrorCode =
  | "validation_error"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "too_large"
  | "rate_limited"
  | "internal_error"
  | "unavailable";

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  validation_error: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  internal_error: 500,
  unavailable: 503,
};

export interface ErrorIssue {
  path: (string | number)[];
  message: string;
}

/** The one error services throw; lib/http.ts maps its code to an HTTP status. */
export class AppError extends Error {
  /** Seconds a client should wait before trying again (sent as `Retry-After` with 429 and 503). */
  retryAfterSeconds?: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ErrorIssue[],
  ) {
    super(message);
    this.name = "AppError";
  }
}

/** A 503 for work the server refuses for now (pool or queue full): the client may retry later. */
export function unavailable(message: string, retryAfterSeconds: number): AppError {
  const error = new AppError("unavailable", message);
  error.retryAfterSeconds = retryAfterSeconds;
  return error;
}

export const notFound = (what: string) => new AppError("not_found", `${what} not found`);

export function invalid(path: (string | number)[], message: string): AppError {
  return new AppError("validation_error", message, [{ path, message }]);
}

/** The answer to a write based on an outdated `version`: nothing is overwritten silently. */
export function staleVersion(entity: string, current: number): AppError {
  return new AppError(
    "conflict",
    `This ${entity} was changed by someone else (now at version ${current}); reload and apply your change again`,
  );
}

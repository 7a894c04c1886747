/** Browser-side calls to the JSON API; failures become ApiError with the API's code and message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues?: { path: (string | number)[]; message: string }[],
  ) {
    super(message);
  }
}

export async function callApi<T>(method: "GET" | "POST" | "PATCH" | "DELETE", url: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(
      0,
      "network_error",
      "The server could not be reached; your change was not saved. Check the connection and try again.",
    );
  }
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = json?.error ?? {};
    throw new ApiError(
      response.status,
      error.code ?? "error",
      error.message ?? `Request failed (${response.status})`,
      error.issues,
    );
  }
  return json as T;
}

/** The first field problem, or the message: what a person needs to read. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError)
    return error.issues?.length ? `${error.message}: ${error.issues[0].message}` : error.message;
  return error instanceof Error ? error.message : String(error);
}

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
  const text = await response.text().catch(() => null);
  if (text === null)
    throw new ApiError(
      response.status,
      "network_error",
      "The connection broke while the server answered; reload to see whether your change was saved.",
    );
  const json = parseJson(text);
  if (!response.ok) {
    const error = json.ok && isRecord(json.value) && isRecord(json.value.error) ? json.value.error : {};
    throw new ApiError(
      response.status,
      typeof error.code === "string" ? error.code : "error",
      typeof error.message === "string"
        ? error.message
        : `Request failed: the server answered ${describeStatus(response)}.`,
      Array.isArray(error.issues) ? error.issues : undefined,
    );
  }
  if (!json.ok)
    throw new ApiError(
      response.status,
      "bad_response",
      `The server's answer could not be read (${describeStatus(response)}).`,
    );
  return json.value as T;
}

// A proxy in front of the app answers a 502 or 504 with an HTML page: not our JSON, yet the person
// still needs to read what happened rather than a SyntaxError.
function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (!text) return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const describeStatus = (response: Response) =>
  `${response.status}${response.statusText ? ` ${response.statusText}` : ""}`;

/** The first field problem, or the message: what a person needs to read. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError)
    return error.issues?.length ? `${error.message}: ${error.issues[0].message}` : error.message;
  return error instanceof Error ? error.message : String(error);
}

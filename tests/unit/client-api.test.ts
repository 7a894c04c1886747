import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError, callApi, describeError } from "@/lib/client/api";

// A real HTTP server answering what the app, or a proxy in front of it, can answer.
const ANSWERS: Record<string, { status: number; type: string; body: string }> = {
  "/ok": { status: 200, type: "application/json", body: '{"id":"a1"}' },
  "/empty": { status: 204, type: "text/plain", body: "" },
  "/conflict": {
    status: 409,
    type: "application/json",
    body: '{"error":{"code":"conflict","message":"Changed by someone else"}}',
  },
  "/invalid": {
    status: 400,
    type: "application/json",
    body: '{"error":{"code":"invalid","message":"Invalid input","issues":[{"path":["name"],"message":"Give a name"}]}}',
  },
  "/proxy-502": { status: 502, type: "text/html", body: "<html><body><h1>502 Bad Gateway</h1></body></html>" },
  "/json-but-not-ours": { status: 500, type: "application/json", body: '["unexpected"]' },
  "/html-200": { status: 200, type: "text/html", body: "<!doctype html><p>Sign in</p>" },
};

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((request, response) => {
    const answer = ANSWERS[request.url ?? ""] ?? { status: 404, type: "text/plain", body: "" };
    response.writeHead(answer.status, { "content-type": answer.type }).end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const failure = async (path: string) => {
  const error = await callApi("GET", `${base}${path}`).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
};

describe("callApi", () => {
  it("answers the JSON of a success, and null for an empty body", async () => {
    expect(await callApi("GET", `${base}/ok`)).toEqual({ id: "a1" });
    expect(await callApi("DELETE", `${base}/empty`)).toBeNull();
  });

  it("turns the API's error shape into an ApiError with its status, code, message and issues", async () => {
    expect(await failure("/conflict")).toMatchObject({
      status: 409,
      code: "conflict",
      message: "Changed by someone else",
    });
    const invalid = await failure("/invalid");
    expect(invalid).toMatchObject({ status: 400, code: "invalid" });
    expect(describeError(invalid)).toBe("Invalid input: Give a name");
  });

  it("turns a proxy's HTML 502 into an ApiError naming the status, not a SyntaxError", async () => {
    const error = await failure("/proxy-502");
    expect(error).toMatchObject({ status: 502, code: "error" });
    expect(error.message).toBe("Request failed: the server answered 502 Bad Gateway.");
  });

  it("reads JSON that is not the error shape as an unknown error of that status", async () => {
    expect(await failure("/json-but-not-ours")).toMatchObject({
      status: 500,
      code: "error",
      message: "Request failed: the server answered 500 Internal Server Error.",
    });
  });

  it("refuses a success whose body is not JSON (a sign-in page served in its place)", async () => {
    expect(await failure("/html-200")).toMatchObject({ status: 200, code: "bad_response" });
  });

  it("reports an unreachable server as a network error", async () => {
    const port = (server.address() as AddressInfo).port;
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(deadPort).not.toBe(port);
    const error = await callApi("GET", `http://127.0.0.1:${deadPort}/ok`).catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 0, code: "network_error" });
  });
});

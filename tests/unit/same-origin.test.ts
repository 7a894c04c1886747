import { describe, expect, it } from "vitest";
import { rejectForeignOrigin } from "@/lib/auth/require-user";

const request = (method: string, headers: Record<string, string>) =>
  new Request("http://app.example/api/sources", { method, headers });
const verdict = (method: string, headers: Record<string, string>) => {
  try {
    rejectForeignOrigin(request(method, headers));
    return "allowed";
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe("rejectForeignOrigin", () => {
  it.each([
    ["POST", { host: "app.example", origin: "https://app.example" }, "allowed"],
    ["POST", { host: "app.example:3000", origin: "http://app.example:3000" }, "allowed"],
    ["POST", { host: "app.example" }, "allowed"], // no Origin: a script, not a browser
    ["GET", { host: "app.example", origin: "https://evil.example" }, "allowed"], // reads change nothing
    ["POST", { host: "app.example", origin: "https://evil.example" }, "forbidden"],
    ["PATCH", { host: "app.example", origin: "https://sub.app.example" }, "forbidden"], // same site, other origin
    ["DELETE", { host: "app.example:3000", origin: "http://app.example:4000" }, "forbidden"],
    ["POST", { host: "app.example", origin: "null" }, "forbidden"], // sandboxed frames, data: URLs
    ["POST", { host: "app.example", origin: "not a url" }, "forbidden"],
    ["POST", { host: "internal:3000", "x-forwarded-host": "app.example", origin: "https://app.example" }, "allowed"],
    ["POST", { host: "app.example", "x-forwarded-host": "internal:3000", origin: "https://app.example" }, "forbidden"],
  ] as const)("%s %j → %s", (method, headers, expected) => {
    expect(verdict(method, headers)).toBe(expected);
  });
});

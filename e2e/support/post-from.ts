import http from "node:http";

const byte = (min: number) => min + Math.floor(Math.random() * (255 - min));

/** A random address of the loopback range (127/8): the whole range reaches this machine's server. */
export const loopbackAddress = () => `127.${byte(1)}.${byte(0)}.${byte(1)}`;

/**
 * POSTs JSON from a chosen local address, so a test can be a different client as the server sees
 * it (its socket's peer) — which no header can fake. Playwright's request contexts always connect
 * from the same address.
 */
export function postFrom(
  baseURL: string,
  localAddress: string,
  path: string,
  data: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: unknown; setCookie: boolean }> {
  const body = JSON.stringify(data);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port: new URL(baseURL).port,
        path,
        method: "POST",
        localAddress,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), ...headers },
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          text += chunk;
        });
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            json: text ? JSON.parse(text) : null,
            setCookie: Boolean(response.headers["set-cookie"]),
          }),
        );
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

import http from "node:http";
import net from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LaunchedServer, launchServer } from "./launch-server";
import { apiUser, eventually, type ServerUser } from "./server-users";

// Short enough for the suite, long enough that a download stalls on purpose before it is cut off.
const STALL_MS = 6_000;

let server: LaunchedServer;
let database: pg.Client;
let users: ServerUser[];
let bigReport: string;
let smallReport: string;

beforeAll(async () => {
  server = await launchServer({
    SOURCEDESK_REPORT_STALL_MS: String(STALL_MS),
    SOURCEDESK_REPORT_ACQUIRE_MS: "2000",
  });
  database = new pg.Client({ connectionString: server.databaseUrl });
  await database.connect();
  users = [];
  for (const role of ["editor", "reviewer", "reviewer", "reviewer"] as const) users.push(await apiUser(server, role));
  const article = async (title: string, body: string) => {
    const response = await fetch(`${server.url}/api/articles`, {
      method: "POST",
      headers: { authorization: `Bearer ${users[0].token}`, "content-type": "application/json" },
      body: JSON.stringify({ title, body }),
    });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  const big = await article(
    "Stall me",
    "An unsourced sentence long enough that its report rows weigh something. ".repeat(20),
  );
  // ~10 MB of CSV: far more than the socket buffers between a client that never reads and the server.
  await database.query(
    `INSERT INTO "Statement" (id, "articleId", ordinal, kind, start, "end")
     SELECT gen_random_uuid(), $1::uuid, 1000 + n, 'sentence', 0, 72 FROM generate_series(1, 80000) AS n`,
    [big],
  );
  bigReport = `/api/articles/${big}/report?format=csv`;
  smallReport = `/api/articles/${await article("Small", "One sentence. Another one.")}/report?format=csv`;
}, 180_000);

afterAll(async () => {
  if (process.env.SHOW_SERVER_LOG) console.log(server?.log());
  await database?.end();
  await server?.stop();
});

/** Report sessions inside a transaction: each one a download between two FETCHes. */
async function openReportTransactions(): Promise<number> {
  const { rows } = await database.query(
    `SELECT count(*)::int AS n FROM pg_stat_activity
     WHERE application_name = 'sourcedesk-reports' AND xact_start IS NOT NULL`,
  );
  return rows[0].n;
}

/** A raw client that asks for a report, reads the first packet (its status) and then never reads again. */
function stalledDownload(user: ServerUser, path: string): Promise<{ socket: net.Socket; status: number }> {
  const { port } = new URL(server.url);
  const socket = net.connect(Number(port), "127.0.0.1");
  socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost:${port}\r\nAuthorization: Bearer ${user.token}\r\n\r\n`);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ socket, status: 0 }), 10_000); // no answer at all
    socket.once("data", (chunk) => {
      socket.pause();
      clearTimeout(timer);
      resolve({ socket, status: Number(chunk.toString("latin1").split(" ")[1]) });
    });
  });
}

async function timedReport(user: ServerUser, path = smallReport) {
  const t0 = performance.now();
  const response = await fetch(`${server.url}${path}`, {
    headers: { authorization: `Bearer ${user.token}` },
    signal: AbortSignal.timeout(15_000),
  });
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - t0, retryAfter: response.headers.get("retry-after") };
}

describe("slow report readers against the production server", () => {
  it("8 stalled downloads of one user hold 2 connections (the rest 429); after they disconnect no transaction is left", async () => {
    const [greedy, other] = users;
    const stalled = await Promise.all(Array.from({ length: 8 }, () => stalledDownload(greedy, bigReport)));
    expect(stalled.map((s) => s.status).sort()).toEqual([200, 200, 429, 429, 429, 429, 429, 429]);
    expect(await eventually(async () => (await openReportTransactions()) === 2)).toBe(true);
    const meanwhile = await timedReport(other);
    expect(meanwhile.status).toBe(200);
    expect(meanwhile.ms).toBeLessThan(5_000);

    for (const s of stalled) s.socket.destroy();
    // Well before the stall timer: the disconnect itself ends the transactions.
    expect(await eventually(async () => (await openReportTransactions()) === 0, STALL_MS / 2)).toBe(true);
    const after = await timedReport(greedy);
    expect(after.status).toBe(200);
    expect(after.ms).toBeLessThan(5_000);
  });

  it("when stalled readers hold every connection a report answers 503 with Retry-After in seconds; the stall timer then frees them while they stay connected", async () => {
    const [a, b, , late] = users;
    const stalled = await Promise.all([a, a, b, b].map((u) => stalledDownload(u, bigReport)));
    expect(stalled.map((s) => s.status)).toEqual([200, 200, 200, 200]);
    const refused = await timedReport(late);
    expect(refused.status).toBe(503);
    expect(refused.retryAfter).toBe("5");
    expect(refused.ms).toBeLessThan(6_000);

    expect(await eventually(async () => (await openReportTransactions()) === 0, STALL_MS + 5_000)).toBe(true);
    expect(stalled.every((s) => !s.socket.destroyed)).toBe(true);
    const served = await timedReport(late);
    expect(served.status).toBe(200);
    expect(served.ms).toBeLessThan(5_000);
    for (const s of stalled) s.socket.destroy();
  }, 60_000);
});

describe("hostile HTTP against the production server", () => {
  it.each(["/api/articles/%", "/api/articles/%zz", "/api/articles/%E0%A4%A", "/api/sources/%zz?x=1"])(
    "%s (a malformed percent-escape) is a JSON 400, not Next's plain 500",
    async (path) => {
      const response = await rawGet(path);
      expect(response.status).toBe(400);
      expect(response.headers["content-type"]).toContain("application/json");
      expect(JSON.parse(response.body).error.code).toBe("validation_error");
    },
  );

  it("a page path with a malformed escape is a 400 too; a well-formed %25 still reaches the route", async () => {
    expect((await rawGet("/articles/%zz")).status).toBe(400);
    const fine = await rawGet("/api/articles/%25", users[0].token);
    expect(fine.status).toBe(404);
    expect(JSON.parse(fine.body).error.code).toBe("not_found");
  });

  it("API answers carry the security headers", async () => {
    const response = await fetch(`${server.url}/api/health`);
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("strict-transport-security")).toMatch(/max-age=/);
  });

  it("a 150 MB chunked POST /api/session is answered 413 after about the 2 MB limit, not read whole", async () => {
    const { port } = new URL(server.url);
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(
        {
          host: "127.0.0.1",
          port,
          method: "POST",
          path: "/api/session",
          headers: { "content-type": "application/json" },
        },
        (response) => {
          resolve(response.statusCode!);
          response.resume();
          request.destroy();
        },
      );
      request.on("error", (error) => (sent >= 150 * 1024 * 1024 ? reject(error) : undefined));
      const pump = () => {
        while (sent < 150 * 1024 * 1024 && !request.destroyed) {
          sent += chunk.length;
          if (!request.write(chunk)) return void request.once("drain", pump);
        }
        if (!request.destroyed) request.end();
      };
      pump();
    });
    expect(status).toBe(413);
    // The answer came while the upload was still going: far from all 150 MB (socket buffers hold a few).
    expect(sent).toBeLessThan(40 * 1024 * 1024);
  });
});

/** A GET sent byte for byte as given (fetch and URL would normalise a malformed escape first). */
function rawGet(
  path: string,
  token?: string,
): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), "127.0.0.1");
    const auth = token ? `Authorization: Bearer ${token}\r\n` : "";
    socket.write(`GET ${path} HTTP/1.1\r\nHost: localhost:${port}\r\n${auth}Connection: close\r\n\r\n`);
    let data = "";
    socket.on("data", (d) => (data += d.toString("utf8")));
    socket.on("error", reject);
    socket.on("end", () => {
      const [head, ...rest] = data.split("\r\n\r\n");
      const [statusLine, ...lines] = head.split("\r\n");
      const headers = Object.fromEntries(
        lines.map((l) => [l.slice(0, l.indexOf(":")).toLowerCase(), l.slice(l.indexOf(":") + 1).trim()]),
      );
      const body = rest.join("\r\n\r\n");
      // Chunked bodies: good enough to take the JSON between the size lines.
      const json =
        headers["transfer-encoding"] === "chunked"
          ? body
              .split("\r\n")
              .filter((_, i) => i % 2)
              .join("")
          : body;
      resolve({ status: Number(statusLine.split(" ")[1]), headers, body: json });
    });
  });
}

describe("CPU-heavy imports against the production server", () => {
  it("/api/health answers quickly while a 1 MB one-paragraph article is segmented and stored", async () => {
    const sentences = [
      '"We will not accept this," said a spokesman on day N.',
      "Dr. J. R. Smith told Reuters so.",
      "Fine.",
    ];
    let body = "";
    for (let i = 0; body.length < 990_000; i++) body += `${sentences[i % 3].replace("N", String(i))} `;
    // A small import first: the worker thread and the queries are warm, as on a server that has run a while.
    await fetch(`${server.url}/api/articles`, {
      method: "POST",
      headers: { authorization: `Bearer ${users[0].token}`, "content-type": "application/json" },
      body: JSON.stringify({ title: "Warm-up", body: "One sentence. Another." }),
    });
    const t0 = performance.now();
    const importing = fetch(`${server.url}/api/articles`, {
      method: "POST",
      headers: { authorization: `Bearer ${users[0].token}`, "content-type": "application/json" },
      body: JSON.stringify({ title: "One huge paragraph", body: body.trim() }),
    });
    let done = false;
    void importing.finally(() => (done = true));
    const latencies: number[] = [];
    while (!done) {
      const t = performance.now();
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      latencies.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await importing).status).toBe(201);
    // Segmenting this text took minutes on the event loop before (quadratic, in the request's thread).
    expect(latencies.length).toBeGreaterThan(2);
    expect(Math.max(...latencies)).toBeLessThan(5_000); // ~0.5 s on a quiet machine; seconds under load
    console.log(
      `[server] 1 MB import in ${Math.round(performance.now() - t0)} ms; health ${latencies.length}x, slowest ${Math.round(Math.max(...latencies))} ms`,
    );
  });
});

import fs, { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startPostgres } from "../../scripts/pg.mjs";
import { freePort } from "../free-port";
import { type LaunchedServer, launchServer } from "./launch-server";
import { apiUser, eventually, type ServerUser } from "./server-users";

const servers: LaunchedServer[] = [];
const stops: (() => Promise<void>)[] = [];

afterAll(async () => {
  for (const server of servers) await server.stop();
  for (const stop of stops) await stop().catch(() => undefined);
});

const postmasterPid = (dataDir: string) =>
  Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);

async function health(server: LaunchedServer): Promise<number> {
  try {
    return (await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(3000) })).status;
  } catch {
    return 0;
  }
}

async function createArticle(server: LaunchedServer, user: ServerUser, title: string) {
  const response = await fetch(`${server.url}/api/articles`, {
    method: "POST",
    headers: { authorization: `Bearer ${user.token}`, "content-type": "application/json" },
    body: JSON.stringify({ title, body: `${title}. It was said. Another sentence.` }),
  });
  return { status: response.status, id: ((await response.json()) as { id?: string }).id };
}

async function readArticle(server: LaunchedServer, user: ServerUser, id: string) {
  const response = await fetch(`${server.url}/api/articles/${id}`, {
    headers: { authorization: `Bearer ${user.token}` },
  });
  return { status: response.status, title: ((await response.json()) as { title?: string }).title };
}

/** Health dropped (503 while PostgreSQL was down) and came back to 200. */
async function recovers(server: LaunchedServer): Promise<{ sawDown: boolean; back: boolean }> {
  let sawDown = false;
  const back = await eventually(async () => {
    const status = await health(server);
    if (status !== 200) sawDown = true;
    return sawDown && status === 200;
  }, 60_000);
  return { sawDown, back };
}

describe("PostgreSQL dies under a running app", () => {
  it("the launcher restarts the embedded server; health recovers and committed writes survive", async () => {
    const server = await launchServer();
    servers.push(server);
    const editor = await apiUser(server, "editor");
    const before = await createArticle(server, editor, "Written before the crash");
    expect(before.status).toBe(201);

    const pid = postmasterPid(server.dataDir);
    process.kill(pid, "SIGKILL");
    const { sawDown, back } = await recovers(server);
    expect(sawDown).toBe(true);
    expect(back).toBe(true);
    expect(postmasterPid(server.dataDir)).not.toBe(pid);
    expect(server.log()).toMatch(/PostgreSQL on :\d+ stopped unexpectedly \(SIGKILL\); restarting in \d+ ms/);
    expect(server.log()).toMatch(/PostgreSQL on :\d+ restarted/);

    expect(await readArticle(server, editor, before.id!)).toEqual({ status: 200, title: "Written before the crash" });
    const after = await createArticle(server, editor, "Written after the restart");
    expect(after.status).toBe(201);
    const report = await fetch(`${server.url}/api/articles/${after.id}/report?format=json`, {
      headers: { authorization: `Bearer ${editor.token}` },
    });
    expect(report.status).toBe(200); // the report pool reconnected too
  }, 150_000);

  it("with DATABASE_URL the app reconnects when the external server comes back", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sourcedesk-external-pg-"));
    fs.chmodSync(dir, 0o755);
    stops.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
    const dataDir = path.join(dir, "pg");
    const port = await freePort();
    const first = await startPostgres({ dataDir, port });
    const server = await launchServer({ DATABASE_URL: first.url });
    servers.push(server);
    const editor = await apiUser(server, "editor");
    const before = await createArticle(server, editor, "Committed on the external server");
    expect(before.status).toBe(201);

    process.kill(postmasterPid(dataDir), "SIGKILL");
    await eventually(async () => (await health(server)) === 503, 15_000);
    await first.stop();
    const second = await startPostgres({ dataDir, port }); // the operator (or systemd) brings it back
    stops.unshift(second.stop);
    expect(await eventually(async () => (await health(server)) === 200, 30_000)).toBe(true);
    expect(await readArticle(server, editor, before.id!)).toEqual({
      status: 200,
      title: "Committed on the external server",
    });
    expect((await createArticle(server, editor, "After the return")).status).toBe(201);
  }, 150_000);
});

import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "../free-port";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");

export interface LaunchedServer {
  url: string;
  /** The embedded PostgreSQL the launcher started (for pg_stat_activity and direct checks). */
  databaseUrl: string;
  dataDir: string;
  process: ChildProcess;
  /** Everything the launcher and Next printed so far. */
  log(): string;
  stop(): Promise<void>;
}

/**
 * `npm start` as a user runs it (scripts/launch.mjs → embedded PostgreSQL, migrations, `next start`
 * of the existing build) on free ports with a throwaway data folder.
 */
export async function launchServer(env: Record<string, string> = {}): Promise<LaunchedServer> {
  const [port, pgPort] = [await freePort(), await freePort()];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sourcedesk-server-"));
  fs.chmodSync(dir, 0o755);
  const dataDir = path.join(dir, "pg");
  let output = "";
  const child = spawn(process.execPath, ["scripts/launch.mjs", "start"], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: "",
      NODE_ENV: "production",
      PORT: String(port),
      SOURCEDESK_PG_PORT: String(pgPort),
      SOURCEDESK_DATA_DIR: dataDir,
      SOURCEDESK_INSECURE_COOKIES: "1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the launcher exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the server did not come up in 90 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    databaseUrl: env.DATABASE_URL || `postgresql://postgres:postgres@localhost:${pgPort}/sourcedesk`,
    dataDir,
    process: child,
    log: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

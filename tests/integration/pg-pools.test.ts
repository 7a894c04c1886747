import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { importPool, readPool } from "@/lib/pg-pool";
import { reportPool, withSnapshot } from "@/lib/reports/snapshot";
import "./helpers";

const TZ = process.env.TZ;
afterEach(() => {
  if (TZ === undefined) delete process.env.TZ;
  else process.env.TZ = TZ;
});

const POOLS = [
  ["read", readPool],
  ["import", importPool],
  ["reports", reportPool],
] as const;

async function eventually(check: () => boolean, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  return check();
}

describe("the node-postgres pools", () => {
  it.each(POOLS)(
    "%s: an idle connection the server ends is dropped without crashing the process; the next query reconnects",
    async (name, get) => {
      const pool = get();
      const { rows } = await pool.query<{ pid: number; app: string }>(
        "SELECT pg_backend_pid() AS pid, current_setting('application_name') AS app",
      );
      expect(rows[0].app).toBe(`sourcedesk-${name}`);
      const idleBefore = pool.totalCount;
      // What a PostgreSQL restart does to every idle client: without the pool's `error` listener the
      // client's error is thrown from the socket's handler, an uncaught exception that ends the process.
      await db().$queryRaw`SELECT pg_terminate_backend(${rows[0].pid}::int)`;
      expect(await eventually(() => pool.totalCount < idleBefore)).toBe(true);
      const again = await pool.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
      expect(again.rows[0].pid).not.toBe(rows[0].pid);
    },
  );

  it("read timestamp columns as UTC whatever the process's time zone", async () => {
    process.env.TZ = "America/New_York";
    const query = "SELECT CAST('2026-03-02 10:00:00.123' AS timestamp(3)) AS t";
    for (const [, get] of POOLS) {
      const { rows } = await get().query<{ t: Date }>(query);
      expect(rows[0].t.toISOString()).toBe("2026-03-02T10:00:00.123Z");
    }
    const [report] = await withSnapshot((s) => s.rows<{ t: Date }>(Prisma.sql([query])));
    expect(report.t.toISOString()).toBe("2026-03-02T10:00:00.123Z");
  });
});

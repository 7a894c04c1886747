import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };

// Three projects so pure-logic tests never wait for (or collide on) a database:
// `vitest run --project unit` is instant; `integration` starts its own embedded PostgreSQL; `server`
// runs the production build (npm test runs it after `next build`).
export default defineConfig({
  resolve: { alias },
  test: {
    // At least two files at once, even on two cores: integration files spend much of their time
    // waiting on PostgreSQL, child processes and sign-in delays. VITEST_MAX_WORKERS overrides.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/global-setup.ts"],
          // Each worker gets its own copy of the migrated database, so files run in parallel while
          // tests still compare whole-database fingerprints before and after a request.
          setupFiles: ["tests/integration/worker-database.ts"],
          environment: "node",
          // The per-account sign-in delay at 0.2 s doubling to 2 s instead of 0.5 s to 5 s: the
          // tests that prove it still wait it out (5 s instead of 12.5 s per ten failures), and 2 s
          // stays well above what a sign-in takes without it, even on a loaded machine.
          env: { SOURCEDESK_SIGN_IN_FIRST_DELAY_MS: "200", SOURCEDESK_SIGN_IN_MAX_DELAY_MS: "2000" },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The production build under the real launcher (raw sockets, signals to PostgreSQL):
        // `npm run test:server` builds first; `npm run test:e2e` runs it after its build.
        resolve: { alias },
        test: {
          name: "server",
          include: ["tests/server/**/*.test.ts"],
          globalSetup: ["tests/server/global-setup.ts"],
          environment: "node",
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});

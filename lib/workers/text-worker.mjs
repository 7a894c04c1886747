// The entry file of the text worker threads (lib/workers/pool.ts). Plain JavaScript on purpose:
// Next 16 bundles server code with Turbopack, so a worker cannot be pointed at a module of the
// bundle; this file is loaded from the checkout at run time (next dev, next start, vitest, tsx
// scripts alike) and brings in the TypeScript tasks through tsx's scoped loader, which honours the
// tsconfig's `@/` paths and touches no other module loading in the thread.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { tsImport } from "tsx/esm/api";

const here = path.dirname(fileURLToPath(import.meta.url));
const tasks = tsImport("./text-tasks.ts", {
  parentURL: import.meta.url,
  tsconfig: path.resolve(here, "../../tsconfig.json"),
});

export async function segment(text) {
  return (await tasks).segment(text);
}

export async function suggest(task) {
  return (await tasks).suggest(task);
}

export async function reanchor(input) {
  return (await tasks).reanchor(input);
}

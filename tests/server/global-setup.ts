import fs from "node:fs";
import path from "node:path";

/** These tests run the production build (`npm run test:server` builds it first). */
export function setup() {
  const dist = path.resolve(import.meta.dirname, "..", "..", process.env.NEXT_DIST_DIR || ".next");
  if (!fs.existsSync(path.join(dist, "BUILD_ID")))
    throw new Error(`No production build in ${dist}: run \`npm run build\` (or \`npm run test:server\`) first`);
}

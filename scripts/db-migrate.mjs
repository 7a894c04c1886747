// npm run db:migrate            -> apply committed migrations
// npm run db:migrate:create NAME -> write prisma/migrations/<ts>_NAME from the schema diff
import { openDatabase, ROOT } from "./database.mjs";
import { migrate } from "./migrate.mjs";

const [cmd = "deploy", name] = process.argv.slice(2);
const db = await openDatabase();
try {
  const result = await migrate(cmd, { url: db.url, name: name ?? "migration", root: ROOT });
  console.log(cmd === "create" ? (result ?? "No changes.") : `Applied: ${JSON.stringify(result)}`);
} catch (e) {
  console.error(e.message);
  process.exitCode = 1;
} finally {
  await db.stop();
}

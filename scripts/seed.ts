// npm run db:seed — demo users and the demo article (development only). Idempotent.
import { readFileSync } from "node:fs";
import path from "node:path";
import { createArticle } from "@/lib/articles/create-article";
import { db } from "@/lib/db";
import { createUser } from "@/lib/users/create-user";
import { openDatabase, ROOT } from "./database.mjs";
import { DEMO_ARTICLE_TITLE, DEMO_PASSWORD, DEMO_USERS } from "./demo-data";

const database = await openDatabase();
try {
  for (const user of DEMO_USERS) {
    if (!(await db().user.findUnique({ where: { email: user.email } })))
      await createUser({ ...user, password: DEMO_PASSWORD });
  }
  if (!(await db().article.findFirst({ where: { title: DEMO_ARTICLE_TITLE } }))) {
    const editor = (await db().user.findUniqueOrThrow({ where: { email: DEMO_USERS[0].email } })).id;
    await createArticle(
      {
        title: DEMO_ARTICLE_TITLE,
        body: readFileSync(path.join(ROOT, "fixtures", "rafah", "article.txt"), "utf8"),
        language: "en",
        outlet: "Demo wire",
      },
      editor,
    );
  }
  console.log(`[sourcedesk] demo data ready. Sign in with password "${DEMO_PASSWORD}" as one of:`);
  for (const user of DEMO_USERS) console.log(`    ${user.email.padEnd(28)} (${user.role})`);
} finally {
  await db().$disconnect();
  await database.stop();
}

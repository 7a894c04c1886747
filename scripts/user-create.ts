// npm run user:create -- --email E --role editor|reviewer|admin [--password P] [--name N]
// Prints exactly one JSON line {"email","role","token"} on stdout (a fresh API token, shown once).
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createApiToken, createUser } from "@/lib/users/create-user";
import { createUserSchema } from "@/lib/users/schema";
import { openDatabase } from "./database.mjs";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    role: { type: "string" },
    password: { type: "string" },
    name: { type: "string" },
  },
});
const password = values.password ?? randomBytes(18).toString("base64url");
const parsed = createUserSchema.safeParse({
  email: values.email ?? "",
  role: values.role ?? "",
  password,
  name: values.name ?? values.email?.split("@")[0] ?? "",
});
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`--${issue.path.join(".")}: ${issue.message}`);
  console.error("usage: npm run user:create -- --email E --role editor|reviewer|admin [--password P] [--name N]");
  process.exit(2);
}

const database = await openDatabase();
try {
  const user = await createUser(parsed.data);
  const token = await createApiToken(user.id, "created by user:create");
  if (!values.password) console.error(`[sourcedesk] generated password for ${user.email}: ${password}`);
  console.log(JSON.stringify({ email: user.email, role: user.role, token }));
} catch (error) {
  console.error(error instanceof AppError ? error.message : error);
  process.exitCode = 1;
} finally {
  await db().$disconnect();
  await database.stop();
}

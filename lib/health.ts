import { db } from "./db";

export async function checkDatabase(): Promise<"ok" | "error"> {
  try {
    await db().$queryRaw`SELECT 1`;
    return "ok";
  } catch (error) {
    console.error("[health] database check failed", error);
    return "error";
  }
}

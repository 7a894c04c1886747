import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

export type { Prisma } from "./generated/prisma/client";

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createClient() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set (start the app with `npm run dev` or `npm start`)");
  // A burst of writes beyond the pool's 10 connections queues for one: Prisma's default 2 s wait
  // turned that queue into 500s (P2028) on a busy machine. Waiting longer is the better failure.
  // When PostgreSQL goes away (restarted by the launcher, or an external server returning), pg
  // drops the broken connections and the next query opens new ones: nothing to restart here, but
  // say so in the log rather than fail silently.
  const adapter = new PrismaPg(
    { connectionString },
    {
      onPoolError: (error) => console.error("[db] idle connection lost:", error.message),
      onConnectionError: (error) => console.error("[db] connection lost:", error.message),
    },
  );
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000 } });
}

/** The one Prisma client, created on first use so `next build` never needs a database. */
export function db(): PrismaClient {
  globalForPrisma.prisma ??= createClient();
  return globalForPrisma.prisma;
}

/** Closes the client; the next `db()` opens one on the current DATABASE_URL (tests that switch databases). */
export async function closeDb(): Promise<void> {
  const client = globalForPrisma.prisma;
  globalForPrisma.prisma = undefined;
  await client?.$disconnect();
}

/** The client handed to code running inside `db().$transaction(async (tx) => …)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

// One Prisma client per process, cached on globalThis so dev reloads reuse its pool.
import { PrismaPg } from "@prisma/adapter-pg";
import { getConfig } from "@/lib/config";
import { type Prisma, PrismaClient } from "@/lib/generated/prisma/client";

function createClient(): PrismaClient {
  const connectionString = getConfig().databaseUrl;
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set: start the app with `npm run dev` or `npm start`, which provide it");
  }
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) }),
    omit: { user: { passwordHash: true } },
  });
}

const globalForPrisma = globalThis as unknown as { certdeskPrisma?: PrismaClient };

function getClient(): PrismaClient {
  globalForPrisma.certdeskPrisma ??= createClient();
  return globalForPrisma.certdeskPrisma;
}

// Created on first use, so importing this module (e.g. during `next build`) needs no database.
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getClient();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export type Db = PrismaClient;
export type DbTransaction = Prisma.TransactionClient;

export async function disconnectDb(): Promise<void> {
  await globalForPrisma.certdeskPrisma?.$disconnect();
  globalForPrisma.certdeskPrisma = undefined;
}

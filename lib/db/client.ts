// One Prisma client per process, cached on globalThis so dev reloads reuse its pool.
import { PrismaPg } from "@prisma/adapter-pg";
import { Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from "kysely";
import kyselyExtension from "prisma-extension-kysely";
import { getConfig } from "@/lib/config";
import type { DB } from "@/lib/generated/kysely/types";
import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Secrets a query returns only when it asks for them by name
 * (`omit: { privateKeyEncrypted: false }` or `select`), so no list, page or log
 * carries them by accident.
 */
export const OMITTED_SECRETS = {
  user: { passwordHash: true },
  certificate: { privateKeyEncrypted: true },
  certificateAuthority: { privateKeyEncrypted: true },
  notificationSettings: { webhookSecretEncrypted: true },
} as const;

function createClient() {
  const connectionString = getConfig().databaseUrl;
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set: start the app with `npm run dev` or `npm start`, which provide it");
  }
  const prisma = new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) }),
    omit: OMITTED_SECRETS,
  });
  // `$kysely` (and `tx.$kysely` inside `$transaction`) builds the SQL Prisma's queries
  // cannot express, typed from schema.prisma, and runs it through this client.
  return prisma.$extends(
    kyselyExtension({
      kysely: (driver) =>
        new Kysely<DB>({
          dialect: {
            createAdapter: () => new PostgresAdapter(),
            createDriver: () => driver,
            createIntrospector: (kysely) => new PostgresIntrospector(kysely),
            createQueryCompiler: () => new PostgresQueryCompiler(),
          },
        }),
    }),
  );
}

export type Db = ReturnType<typeof createClient>;
export type DbTransaction = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const globalForPrisma = globalThis as unknown as { certdeskPrisma?: Db };

function getClient(): Db {
  globalForPrisma.certdeskPrisma ??= createClient();
  return globalForPrisma.certdeskPrisma;
}

// Created on first use, so importing this module (e.g. during `next build`) needs no database.
export const db: Db = new Proxy({} as Db, {
  get(_target, property) {
    const client = getClient();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export async function disconnectDb(): Promise<void> {
  await globalForPrisma.certdeskPrisma?.$disconnect();
  globalForPrisma.certdeskPrisma = undefined;
}

// One Prisma client per process, cached on globalThis so dev reloads reuse its pool.
import { PrismaPg } from "@prisma/adapter-pg";
import type { ITXClientDenyList } from "@prisma/client/runtime/client";
import { getConfig } from "@/lib/config";
import { type Prisma, PrismaClient } from "@/lib/generated/prisma/client";

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
  issuer: { eabHmacKeyEncrypted: true, accountKeyEncrypted: true },
  apiKey: { secretKeyEncrypted: true },
  deploymentTarget: { credentialsEncrypted: true, webhookSecretEncrypted: true },
} as const;

/** Not secret but large (up to 1.4 MB): read only by the download (read-confirmation-letter.ts). */
export const OMITTED_LARGE_COLUMNS = { organizationReview: { letter: true } } as const;

function createClient() {
  const connectionString = getConfig().databaseUrl;
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set: start the app with `npm run dev` or `npm start`, which provide it");
  }
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) }),
    omit: { ...OMITTED_SECRETS, ...OMITTED_LARGE_COLUMNS },
    // Prisma's defaults (2 s to get a connection, 5 s to finish) turn a busy moment on a
    // small machine into failed payments; waiting a little longer for the pool is better.
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
}

type Client = ReturnType<typeof createClient>;
/**
 * The client inside `$transaction`. Prisma's generated types give it the client without
 * the `omit` above, which it applies all the same: typed as it behaves, so code that
 * reads a secret in a transaction has to ask for it.
 */
export type DbTransaction = Omit<Client, ITXClientDenyList | "$transaction">;
export type Db = Omit<Client, "$transaction"> & {
  $transaction<R>(
    fn: (tx: DbTransaction) => Promise<R>,
    options?: { maxWait?: number; timeout?: number; isolationLevel?: Prisma.TransactionIsolationLevel },
  ): Promise<R>;
};
/** Either: what a function that may run inside the caller's transaction accepts. */
export type DbClient = Db | DbTransaction;

const globalForPrisma = globalThis as unknown as { certdeskPrisma?: Client };

function getClient(): Client {
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

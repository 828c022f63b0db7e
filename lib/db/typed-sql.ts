// SQL that Prisma's queries cannot express (set-based statements, row claims, CTEs),
// built with Kysely on types generated from schema.prisma (prisma-kysely, `npm run
// prisma:generate`): a column renamed in the schema breaks the type check of every
// statement that uses it, and the rows come back typed.
//
// Kysely only builds and compiles here; the statement runs through the Prisma client or
// transaction it is given, so it joins the caller's transaction like any Prisma query.
// (prisma-extension-kysely attaches one Kysely to the transaction client instead, but on
// Prisma 7 concurrent transactions share that attachment and run each other's queries:
// the job keeps several batches in flight, see typed-sql.int.test.ts.)
import {
  type Compilable,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
} from "kysely";
import type { DbClient } from "@/lib/db/client";
import type { DB } from "@/lib/generated/kysely/types";

/** The query builder: `sqlBuilder.selectFrom("Certificate as c")…`. It never connects. */
export const sqlBuilder = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (kysely) => new PostgresIntrospector(kysely),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/** Runs a statement through `client` (the caller's transaction, or the client) and returns its rows. */
export function queryRows<O>(client: DbClient, query: Compilable<O>): Promise<O[]> {
  const { sql, parameters } = query.compile();
  return client.$queryRawUnsafe<O[]>(sql, ...parameters);
}

/** Runs a statement that returns no rows through `client`; resolves to the number of rows it changed. */
export function executeStatement(client: DbClient, query: Compilable<unknown>): Promise<number> {
  const { sql, parameters } = query.compile();
  return client.$executeRawUnsafe(sql, ...parameters);
}

import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { executeStatement, queryRows, sqlBuilder } from "@/lib/db/typed-sql";
import { createTestUser } from "@/testing/factories";

const currentTransaction = sqlBuilder.selectNoFrom(sql<string>`txid_current()::text`.as("id"));

describe("typed SQL", () => {
  it("runs in the transaction it is given, also while other transactions run at once", async () => {
    // The job keeps several batches in flight: each one's statements must stay in its own transaction.
    const pairs = await Promise.all(
      Array.from({ length: 4 }, () =>
        db.$transaction(async (tx) => {
          const [viaPrisma] = await tx.$queryRaw<{ id: string }[]>`SELECT txid_current()::text AS id`;
          // Let the other transactions start before this one goes on.
          await tx.$executeRaw`SELECT pg_sleep(0.05)`;
          const [viaBuilder] = await queryRows(tx, currentTransaction);
          return { viaPrisma: viaPrisma?.id, viaBuilder: viaBuilder?.id };
        }),
      ),
    );
    for (const pair of pairs) expect(pair.viaBuilder).toBe(pair.viaPrisma);
    expect(new Set(pairs.map((pair) => pair.viaPrisma)).size).toBe(4);
  });

  it("rolls back with the transaction and returns typed rows and counts", async () => {
    const user = await createTestUser();
    await expect(
      db.$transaction(async (tx) => {
        const changed = await executeStatement(
          tx,
          sqlBuilder.updateTable("User").set({ name: "Renamed" }).where("id", "=", user.id),
        );
        expect(changed).toBe(1);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    const [row] = await queryRows(
      db,
      sqlBuilder.selectFrom("User").select(["name", "sessionVersion", "createdAt"]).where("id", "=", user.id),
    );
    expect(row).toEqual({ name: user.name, sessionVersion: 0, createdAt: expect.any(Date) });
  });
});

import { readdir, readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { applyMigrations, diffMigrationsToSchema, MIGRATIONS_DIR, SCHEMA_PATH } from "@/lib/db/schema-engine";

describe("migrations", () => {
  it("applied in order, yield exactly prisma/schema.prisma (empty diff)", async () => {
    expect(await diffMigrationsToSchema()).toBe("");
  }, 60_000);

  it("are noticed when schema.prisma changes without a migration", async () => {
    const schema = await readFile(SCHEMA_PATH, "utf8");
    const edited = schema.replace("model ClockSetting {", "model ClockSetting {\n  note String?");
    expect(await diffMigrationsToSchema(edited)).toMatch(/ALTER TABLE "ClockSetting" ADD COLUMN\s+"note" TEXT/);
  }, 60_000);

  it("are all recorded in _prisma_migrations, and applying again changes nothing", async () => {
    const directories = (await readdir(MIGRATIONS_DIR, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    const recorded = await db.$queryRaw<{ migration_name: string; finished_at: Date | null }[]>`
      SELECT migration_name, finished_at FROM _prisma_migrations ORDER BY migration_name`;
    expect(recorded.map((row) => row.migration_name)).toEqual(directories);
    expect(recorded.every((row) => row.finished_at !== null)).toBe(true);
    expect(await applyMigrations(process.env.DATABASE_URL as string)).toEqual([]);
  });

  it("keep balances from going negative at the database level", async () => {
    const user = await db.user.create({
      data: { email: "constraint@example.com", name: "C", passwordHash: "x", billingAccount: { create: {} } },
    });
    await expect(
      db.billingAccount.update({ where: { ownerId: user.id }, data: { balanceMinor: { decrement: 1 } } }),
    ).rejects.toThrow(/BillingAccount_balance_not_negative/);
  });
});

describe("audit log", () => {
  it("is append-only: updates and deletes are refused by the database", async () => {
    const entry = await db.auditLog.create({ data: { action: "test.append_only", targetType: "Test" } });
    await expect(db.auditLog.update({ where: { id: entry.id }, data: { action: "changed" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db.auditLog.delete({ where: { id: entry.id } })).rejects.toThrow(/append-only/);
    expect(await db.auditLog.findUnique({ where: { id: entry.id } })).toMatchObject({ action: "test.append_only" });
  });
});

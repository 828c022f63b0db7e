import { randomBytes } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { postLedgerEntry } from "@/lib/billing/post-ledger-entry";
import { db } from "@/lib/db/client";
import { applyMigrations, diffMigrationsToSchema, MIGRATIONS_DIR, SCHEMA_PATH } from "@/lib/db/schema-engine";
import type { LedgerKind, RenewalOrderStatus } from "@/lib/generated/prisma/enums";
import { PAID_RENEWAL_STATUSES } from "@/lib/renewal/renewal-under-way";
import { createTestCertificate, TEST_NOW } from "@/testing/factories";

/** A user with a billing account and no other history (no audit rows, which are append-only). */
async function createAccountHolder(balanceMinor = 0) {
  const user = await db.user.create({
    data: {
      email: `guards-${randomBytes(4).toString("hex")}@example.test`,
      name: "Guards",
      passwordHash: "x",
      billingAccount: { create: {} },
    },
    include: { billingAccount: true },
  });
  const account = user.billingAccount;
  if (!account) throw new Error("no billing account");
  if (balanceMinor > 0) {
    await db.$transaction((tx) =>
      postLedgerEntry(tx, {
        accountId: account.id,
        kind: "TOP_UP",
        amountMinor: balanceMinor,
        idempotencyKey: `guards-topup:${randomBytes(6).toString("hex")}`,
        now: TEST_NOW,
      }),
    );
  }
  return { user, account };
}

/** Writes a ledger row as it stands, past postLedgerEntry's checks: only the database decides. */
function insertLedgerEntry(accountId: string, kind: LedgerKind, amountMinor: number, balanceAfterMinor = 1_000) {
  return db.ledgerEntry.create({
    data: {
      accountId,
      kind,
      amountMinor,
      balanceAfterMinor,
      currency: "USD",
      idempotencyKey: `guards:${randomBytes(6).toString("hex")}`,
    },
  });
}

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

describe("the ledger, at the database level", () => {
  it.each([
    ["a top-up", "TOP_UP"],
    ["a refund", "REFUND"],
    ["an admin credit", "ADMIN_CREDIT"],
  ] as const)("refuses %s that takes money away", async (_name, kind) => {
    const { account } = await createAccountHolder();
    await expect(insertLedgerEntry(account.id, kind, -500)).rejects.toThrow(/LedgerEntry_sign_matches_kind/);
    await expect(insertLedgerEntry(account.id, kind, 500)).resolves.toMatchObject({ kind, amountMinor: 500 });
  });

  it.each([
    ["a renewal deduction", "RENEWAL_DEDUCTION"],
    ["a manual renewal", "MANUAL_RENEWAL"],
    ["an admin debit", "ADMIN_DEBIT"],
    ["a certificate purchase", "PURCHASE"],
  ] as const)("refuses %s that adds money", async (_name, kind) => {
    const { account } = await createAccountHolder();
    await expect(insertLedgerEntry(account.id, kind, 500)).rejects.toThrow(/LedgerEntry_sign_matches_kind/);
    await expect(insertLedgerEntry(account.id, kind, -500)).resolves.toMatchObject({ kind, amountMinor: -500 });
  });

  it("refuses an entry that leaves a negative balance after it", async () => {
    const { account } = await createAccountHolder();
    await expect(insertLedgerEntry(account.id, "ADMIN_DEBIT", -500, -1)).rejects.toThrow(
      /LedgerEntry_balance_after_not_negative/,
    );
  });

  it("outlives its owner: a user with money history cannot be deleted (admins disable accounts)", async () => {
    const { user, account } = await createAccountHolder(5_000);
    await db.payment.create({
      data: { accountId: account.id, provider: "demo", amountMinor: 5_000, currency: "USD", status: "SUCCEEDED" },
    });
    await expect(db.user.delete({ where: { id: user.id } })).rejects.toThrow(/BillingAccount_ownerId_fkey/);
    await expect(db.billingAccount.delete({ where: { id: account.id } })).rejects.toThrow(
      /LedgerEntry_accountId_fkey|Payment_accountId_fkey/,
    );
    expect(await db.ledgerEntry.count({ where: { accountId: account.id } })).toBe(1);
    expect(await db.payment.count({ where: { accountId: account.id } })).toBe(1);
  });
});

describe("renewal orders, at the database level", () => {
  async function order(certificateId: string, ownerId: string, attempt: number, status: RenewalOrderStatus) {
    const renewal = await createTestCertificate(ownerId, { status: "PENDING_VALIDATION", renewsId: certificateId });
    return db.renewalOrder.create({
      data: {
        ownerId,
        certificateId,
        attempt,
        trigger: "AUTO",
        status,
        priceMinor: 2_900,
        currency: "USD",
        newCertificateId: renewal.id,
      },
    });
  }

  it.each(PAID_RENEWAL_STATUSES.flatMap((first) => PAID_RENEWAL_STATUSES.map((second) => [first, second] as const)))(
    "allow one paid renewal per certificate: a %s order refuses a second, %s, whatever its attempt",
    async (first, second) => {
      const { user } = await createAccountHolder();
      const certificate = await createTestCertificate(user.id);
      await order(certificate.id, user.id, 1, first);
      await expect(order(certificate.id, user.id, 2, second)).rejects.toThrow(/certificateId/);
      expect(await db.renewalOrder.count({ where: { certificateId: certificate.id } })).toBe(1);
    },
  );

  it("allow a new paid attempt once the last one timed out", async () => {
    const { user } = await createAccountHolder();
    const certificate = await createTestCertificate(user.id);
    await order(certificate.id, user.id, 1, "TIMED_OUT");
    await order(certificate.id, user.id, 2, "PENDING_VALIDATION");
    await expect(order(certificate.id, user.id, 2, "TIMED_OUT")).rejects.toThrow(/certificateId/);
    expect(await db.renewalOrder.count({ where: { certificateId: certificate.id } })).toBe(2);
  });

  it("keep their certificates and owner: neither can be deleted from under an order", async () => {
    const { user } = await createAccountHolder();
    const certificate = await createTestCertificate(user.id);
    const paid = await order(certificate.id, user.id, 1, "ISSUED");
    await expect(db.certificate.delete({ where: { id: certificate.id } })).rejects.toThrow(
      /RenewalOrder_certificateId_fkey/,
    );
    await expect(db.certificate.delete({ where: { id: paid.newCertificateId } })).rejects.toThrow(
      /RenewalOrder_newCertificateId_fkey/,
    );
    await db.billingAccount.delete({ where: { ownerId: user.id } });
    await expect(db.user.delete({ where: { id: user.id } })).rejects.toThrow(
      /RenewalOrder_(ownerId|certificateId|newCertificateId)_fkey/,
    );
    expect(await db.renewalOrder.count({ where: { id: paid.id } })).toBe(1);
  });
});

describe("foreign keys", () => {
  it("each have an index that starts with their column, for joins and for the checks a delete makes", async () => {
    const unindexed = await db.$queryRaw<{ key: string }[]>`
      SELECT con.conname AS key
        FROM pg_constraint con
       WHERE con.contype = 'f' AND con.connamespace = 'public'::regnamespace
         AND NOT EXISTS (
           SELECT 1 FROM pg_index i
            WHERE i.indrelid = con.conrelid AND i.indkey[0] = con.conkey[1])
       ORDER BY 1`;
    expect(unindexed.map((row) => row.key)).toEqual([]);
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

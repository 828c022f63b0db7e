import "server-only";
import { ledgerDateRange } from "@/lib/billing/ledger-list-params";
import type { LedgerListParams } from "@/lib/billing/ledger-list-query";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { LedgerKind } from "@/lib/generated/prisma/enums";

export type LedgerEntryRow = {
  id: string;
  kind: LedgerKind;
  /** Signed: positive credited the balance, negative debited it. */
  amountMinor: number;
  balanceAfterMinor: number;
  currency: string;
  createdAt: string;
  certificate: { id: string; domain: string } | null;
  /** The payment provider of a top-up ("demo"...). */
  provider: string | null;
  note: string | null;
};

export type LedgerPage = { items: LedgerEntryRow[]; total: number; page: number; pageSize: number };

/**
 * One page of the owner's ledger, newest first, filtered by kind and by the calendar
 * days of `params` in the viewer's `timeZone`.
 */
export async function listLedgerEntries(
  ownerId: string,
  params: LedgerListParams,
  timeZone: string,
): Promise<LedgerPage> {
  const range = ledgerDateRange(params, timeZone);
  // The owner is always part of the filter: no parameter can widen it.
  const where: Prisma.LedgerEntryWhereInput = {
    account: { ownerId },
    ...(params.kind ? { kind: params.kind } : {}),
    ...(range.from || range.to ? { createdAt: { gte: range.from, lt: range.to } } : {}),
  };
  const [total, rows] = await Promise.all([
    db.ledgerEntry.count({ where }),
    db.ledgerEntry.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (params.page - 1) * params.pageSize,
      take: params.pageSize,
      select: {
        id: true,
        kind: true,
        amountMinor: true,
        balanceAfterMinor: true,
        currency: true,
        createdAt: true,
        note: true,
        certificate: { select: { id: true, domain: true } },
        payment: { select: { provider: true } },
      },
    }),
  ]);
  return {
    total,
    page: params.page,
    pageSize: params.pageSize,
    items: rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      amountMinor: row.amountMinor,
      balanceAfterMinor: row.balanceAfterMinor,
      currency: row.currency,
      createdAt: row.createdAt.toISOString(),
      certificate: row.certificate,
      provider: row.payment?.provider ?? null,
      note: row.note,
    })),
  };
}

import { expect } from "vitest";
import { db } from "@/lib/db/client";
import { expectBalancesMatchLedger } from "@/testing/ledger-invariant";

/**
 * After runs that were cut short and a run that finished: each of the `count` certificates
 * whose domain ends in `domainSuffix` has exactly one renewal order and one deduction, and
 * every balance still matches its ledger.
 */
export async function expectEachRenewedOnce(domainSuffix: string, count: number): Promise<void> {
  const certificate = { domain: { endsWith: domainSuffix } };
  const orders = await db.renewalOrder.groupBy({
    by: ["certificateId"],
    where: { certificate },
    _count: { _all: true },
  });
  expect(orders).toHaveLength(count);
  expect(orders.every((row) => row._count._all === 1)).toBe(true);
  expect(await db.ledgerEntry.count({ where: { kind: "RENEWAL_DEDUCTION", certificate } })).toBe(count);
  await expectBalancesMatchLedger();
}

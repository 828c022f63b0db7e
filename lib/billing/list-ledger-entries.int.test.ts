import { describe, expect, it } from "vitest";
import { parseLedgerListParams } from "@/lib/billing/ledger-list-params";
import { listLedgerEntries } from "@/lib/billing/list-ledger-entries";
import { postLedgerEntry } from "@/lib/billing/post-ledger-entry";
import { db } from "@/lib/db/client";
import type { LedgerKind } from "@/lib/generated/prisma/enums";
import { createTestUser } from "@/testing/factories";
import { expectBalancesMatchLedger } from "@/testing/ledger-invariant";

let sequence = 0;

async function customerWithLedger(postings: { kind: LedgerKind; amountMinor: number; at: string }[]) {
  const user = await createTestUser();
  const account = await db.billingAccount.findUniqueOrThrow({ where: { ownerId: user.id }, select: { id: true } });
  const certificate = await db.certificate.create({
    data: {
      ownerId: user.id,
      domain: `shop-${user.id}.example.com`,
      brand: "DNSPod",
      certificateType: "DV",
      domainType: "SINGLE",
      source: "PURCHASED",
      status: "ISSUED",
    },
    select: { id: true, domain: true },
  });
  for (const posting of postings) {
    await db.$transaction((tx) =>
      postLedgerEntry(tx, {
        accountId: account.id,
        kind: posting.kind,
        amountMinor: posting.amountMinor,
        idempotencyKey: `test:${++sequence}`,
        certificateId: posting.kind === "RENEWAL_DEDUCTION" ? certificate.id : null,
        now: new Date(posting.at),
      }),
    );
  }
  return { user, certificate };
}

const params = (query: string) => parseLedgerListParams(new URLSearchParams(query));

describe("listLedgerEntries", () => {
  it("returns only the caller's entries, newest first, with the certificate of a deduction", async () => {
    const alice = await customerWithLedger([
      { kind: "TOP_UP", amountMinor: 10_000, at: "2026-05-01T10:00:00Z" },
      { kind: "RENEWAL_DEDUCTION", amountMinor: -4_900, at: "2026-05-20T10:00:00Z" },
    ]);
    await customerWithLedger([
      { kind: "TOP_UP", amountMinor: 99_900, at: "2026-05-10T10:00:00Z" },
      { kind: "RENEWAL_DEDUCTION", amountMinor: -9_900, at: "2026-05-11T10:00:00Z" },
    ]);

    const page = await listLedgerEntries(alice.user.id, params(""), "UTC");
    expect(page).toMatchObject({ total: 2, page: 1, pageSize: 20 });
    expect(page.items).toEqual([
      expect.objectContaining({
        kind: "RENEWAL_DEDUCTION",
        amountMinor: -4_900,
        balanceAfterMinor: 5_100,
        currency: "USD",
        createdAt: "2026-05-20T10:00:00.000Z",
        certificate: alice.certificate,
      }),
      expect.objectContaining({ kind: "TOP_UP", amountMinor: 10_000, balanceAfterMinor: 10_000, certificate: null }),
    ]);
    await expectBalancesMatchLedger();
  });

  it("filters by kind and by whole days in the viewer's time zone", async () => {
    const { user } = await customerWithLedger([
      { kind: "TOP_UP", amountMinor: 20_000, at: "2026-04-30T15:59:59Z" }, // 23:59:59 on 30 April in Shanghai
      { kind: "TOP_UP", amountMinor: 1_000, at: "2026-04-30T16:00:00Z" }, // midnight, 1 May in Shanghai
      { kind: "RENEWAL_DEDUCTION", amountMinor: -4_900, at: "2026-05-15T04:00:00Z" },
      { kind: "REFUND", amountMinor: 4_900, at: "2026-05-31T15:59:59Z" }, // last second of 31 May there
      { kind: "TOP_UP", amountMinor: 500, at: "2026-05-31T16:00:00Z" }, // 1 June there
    ]);
    const amounts = async (query: string, zone = "Asia/Shanghai") =>
      (await listLedgerEntries(user.id, params(query), zone)).items.map((item) => item.amountMinor);

    expect(await amounts("kind=TOP_UP")).toEqual([500, 1_000, 20_000]);
    expect(await amounts("kind=REFUND")).toEqual([4_900]);
    expect(await amounts("kind=ADMIN_CREDIT")).toEqual([]);
    expect(await amounts("from=2026-05-01&to=2026-05-31")).toEqual([4_900, -4_900, 1_000]);
    expect(await amounts("from=2026-05-01&to=2026-05-31", "UTC")).toEqual([500, 4_900, -4_900]);
    expect(await amounts("kind=TOP_UP&from=2026-05-01&to=2026-05-31")).toEqual([1_000]);
    expect(await amounts("from=2026-06-01")).toEqual([500]);
    expect(await amounts("to=2026-04-30")).toEqual([20_000]);
    await expectBalancesMatchLedger();
  });

  it("pages through the entries on the server and counts them all", async () => {
    const postings = Array.from({ length: 23 }, (_, index) => ({
      kind: "TOP_UP" as const,
      amountMinor: 100 * (index + 1),
      at: new Date(Date.UTC(2026, 0, 1 + index, 12)).toISOString(),
    }));
    const { user } = await customerWithLedger(postings);

    const first = await listLedgerEntries(user.id, params("pageSize=10"), "UTC");
    const third = await listLedgerEntries(user.id, params("pageSize=10&page=3"), "UTC");
    const beyond = await listLedgerEntries(user.id, params("pageSize=10&page=9"), "UTC");
    expect(first.total).toBe(23);
    expect(first.items.map((item) => item.amountMinor)).toEqual([
      2300, 2200, 2100, 2000, 1900, 1800, 1700, 1600, 1500, 1400,
    ]);
    expect(third.items.map((item) => item.amountMinor)).toEqual([300, 200, 100]);
    expect(beyond).toMatchObject({ total: 23, items: [] });
    await expectBalancesMatchLedger();
  });
});

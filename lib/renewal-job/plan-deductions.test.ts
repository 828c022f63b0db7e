import { describe, expect, it } from "vitest";
import {
  type AccountState,
  type DueCertificate,
  type PriceQuote,
  planDeductions,
} from "@/lib/renewal-job/plan-deductions";

const now = new Date("2026-10-01T00:00:00Z");
const inDays = (days: number) => new Date(now.getTime() + days * 86_400_000);

function cert(
  id: string,
  ownerId: string,
  expiresInDays: number,
  overrides: Partial<DueCertificate> = {},
): DueCertificate {
  return {
    id,
    ownerId,
    brand: "DNSPod",
    certificateType: "DV",
    domainType: "SINGLE",
    validityYears: 1,
    expiresAt: inDays(expiresInDays),
    ...overrides,
  };
}

const dnspod: PriceQuote = { priceMinor: 2_900, currency: "USD", autoRenewSupported: true };
const priceFor = (certificate: DueCertificate) => (certificate.brand === "DNSPod" ? dnspod : undefined);
const accounts = (entries: [string, number][]) =>
  new Map<string, AccountState>(
    entries.map(([owner, balance]) => [owner, { accountId: `acc-${owner}`, balanceMinor: balance, currency: "USD" }]),
  );

describe("planDeductions", () => {
  it("charges in deduction order while the balance covers the whole fee, then terminates", () => {
    const plan = planDeductions(
      [cert("c", "u1", 29), cert("a", "u1", 10), cert("b", "u1", 20)],
      priceFor,
      accounts([["u1", 6_000]]),
      now,
    );
    expect(plan.deductions.map((d) => [d.certificate.id, d.balanceAfterMinor])).toEqual([
      ["a", 3_100],
      ["b", 200],
    ]);
    expect(plan.terminations).toEqual([
      { certificate: expect.objectContaining({ id: "c" }), reason: "INSUFFICIENT_BALANCE" },
    ]);
  });

  it("charges exactly the balance down to zero, never below", () => {
    const plan = planDeductions([cert("a", "u1", 25)], priceFor, accounts([["u1", 2_900]]), now);
    expect(plan.deductions[0]?.balanceAfterMinor).toBe(0);
    const short = planDeductions([cert("a", "u1", 25)], priceFor, accounts([["u1", 2_899]]), now);
    expect(short.deductions).toEqual([]);
    expect(short.terminations[0]?.reason).toBe("INSUFFICIENT_BALANCE");
  });

  it("passes over a fee the balance cannot cover and charges a later, smaller one", () => {
    const plan = planDeductions(
      [cert("wild", "u1", 10, { domainType: "WILDCARD" }), cert("single", "u1", 20)],
      (certificate) =>
        certificate.domainType === "WILDCARD" ? { ...dnspod, priceMinor: 9_900 } : priceFor(certificate),
      accounts([["u1", 5_000]]),
      now,
    );
    expect(plan.deductions.map((d) => [d.certificate.id, d.balanceAfterMinor])).toEqual([["single", 2_100]]);
    expect(plan.terminations.map((t) => [t.certificate.id, t.reason])).toEqual([["wild", "INSUFFICIENT_BALANCE"]]);
  });

  it("keeps accounts apart", () => {
    const plan = planDeductions(
      [cert("a", "u1", 10), cert("b", "u2", 10)],
      priceFor,
      accounts([
        ["u1", 0],
        ["u2", 3_000],
      ]),
      now,
    );
    expect(plan.deductions.map((d) => d.certificate.id)).toEqual(["b"]);
    expect(plan.terminations.map((t) => t.certificate.id)).toEqual(["a"]);
  });

  it("ends auto-renewal without a charge for an expired certificate or one no longer offered", () => {
    const plan = planDeductions(
      [
        cert("expired", "u1", 0),
        cert("gone", "u1", 10, { brand: "Removed" }),
        cert("multi", "u1", 10, { validityYears: 2 }),
      ],
      priceFor,
      accounts([["u1", 100_000]]),
      now,
    );
    expect(plan.deductions).toEqual([]);
    expect(plan.terminations.map((t) => [t.certificate.id, t.reason])).toEqual([
      ["expired", "EXPIRED_BEFORE_DEDUCTION"],
      ["gone", "NOT_ELIGIBLE"],
      ["multi", "NOT_ELIGIBLE"],
    ]);
  });

  it("does not charge an account in another currency than the price, nor an owner without an account", () => {
    const plan = planDeductions(
      [cert("euro", "u1", 10), cert("orphan", "u2", 10)],
      priceFor,
      new Map([["u1", { accountId: "acc-u1", balanceMinor: 100_000, currency: "EUR" }]]),
      now,
    );
    expect(plan.deductions).toEqual([]);
    expect(plan.terminations.map((t) => [t.certificate.id, t.reason])).toEqual([
      ["euro", "NOT_ELIGIBLE"],
      ["orphan", "NOT_ELIGIBLE"],
    ]);
  });
});

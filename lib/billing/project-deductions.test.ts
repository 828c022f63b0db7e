import { describe, expect, it } from "vitest";
import { balanceWarning, projectDeductions, type UpcomingDeduction } from "@/lib/billing/project-deductions";

const day = (n: number) => new Date(Date.UTC(2026, 4, n));
const fee = (id: string, n: number, feeMinor: number): UpcomingDeduction => ({
  certificateId: id,
  domain: `${id}.example.com`,
  deductAt: day(n),
  feeMinor,
  currency: "USD",
});

describe("projectDeductions", () => {
  it("charges in deduction order and marks what the balance cannot cover, without partial charges", () => {
    const projected = projectDeductions(10_000, [fee("c", 9, 3_000), fee("a", 2, 6_000), fee("b", 5, 5_000)]);
    expect(projected.map((p) => [p.certificateId, p.covered, p.balanceAfterMinor])).toEqual([
      ["a", true, 4_000],
      ["b", false, 4_000],
      ["c", true, 1_000],
    ]);
  });
});

describe("balanceWarning", () => {
  it("is silent when the balance covers what falls due in the window", () => {
    expect(balanceWarning(9_000, "USD", [fee("a", 2, 6_000), fee("b", 30, 5_000)], day(20))).toBeNull();
  });

  it("says how much is missing and which certificates are at risk", () => {
    const warning = balanceWarning(7_000, "USD", [fee("a", 2, 6_000), fee("b", 5, 5_000), fee("c", 6, 500)], day(20));
    expect(warning).toMatchObject({ dueMinor: 11_500, balanceMinor: 7_000, missingMinor: 4_500 });
    expect(warning?.atRisk.map((p) => p.certificateId)).toEqual(["b"]);
  });
});

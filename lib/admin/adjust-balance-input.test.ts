import { describe, expect, it } from "vitest";
import { adjustBalanceInputSchema } from "@/lib/admin/adjust-balance-input";
import { firstIssueByField } from "@/lib/first-issue-by-field";

const valid = {
  customerId: "c1",
  direction: "DEBIT",
  amount: "25.00",
  currency: "USD",
  reason: "  Refund of a duplicate charge ",
  operationId: crypto.randomUUID(),
};
const problems = (input: Record<string, unknown>) => {
  const parsed = adjustBalanceInputSchema.safeParse(input);
  return parsed.success ? {} : firstIssueByField(parsed.error.issues);
};

describe("adjustBalanceInputSchema (the credit-or-debit dialog and adjustBalanceAction)", () => {
  it("gives the amount in minor units and the reason trimmed", () => {
    expect(adjustBalanceInputSchema.parse(valid)).toEqual({
      ...valid,
      reason: "Refund of a duplicate charge",
      amountMinor: 2_500,
    });
  });

  it("names each field's problem with the code the dialog translates", () => {
    expect(problems({ ...valid, amount: "0" })).toEqual({ amount: "INVALID" });
    expect(problems({ ...valid, amount: "-5" })).toEqual({ amount: "INVALID" });
    expect(problems({ ...valid, amount: "1000000.01" })).toEqual({ amount: "TOO_LARGE" });
    expect(problems({ ...valid, reason: "   " })).toEqual({ reason: "REQUIRED" });
    expect(problems({ ...valid, reason: "x".repeat(501) })).toEqual({ reason: "TOO_LONG" });
  });
});

describe("adjustBalanceInputSchema with several fields wrong", () => {
  it("reports the amount's problem together with the reason's, as the dialog shows both", () => {
    expect(problems({ ...valid, amount: "", reason: "" })).toEqual({ amount: "INVALID", reason: "REQUIRED" });
  });
});

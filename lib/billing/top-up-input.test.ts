import { describe, expect, it } from "vitest";
import { topUpInputSchema } from "@/lib/billing/top-up-input";
import { firstIssueByField } from "@/lib/first-issue-by-field";

const valid = { providerId: "demo", amount: "150.50", currency: "USD", idempotencyToken: crypto.randomUUID() };
const problems = (input: Record<string, unknown>) => {
  const parsed = topUpInputSchema.safeParse(input);
  return parsed.success ? {} : firstIssueByField(parsed.error.issues);
};

describe("topUpInputSchema (the top-up dialog and topUpAction)", () => {
  it("turns the amount as typed into minor units", () => {
    expect(topUpInputSchema.parse(valid)).toEqual({ ...valid, amountMinor: 15_050 });
  });

  it("names the amount's problem with the code the dialog translates", () => {
    expect(problems({ ...valid, amount: "0.50" })).toEqual({ amount: "TOO_SMALL" });
    expect(problems({ ...valid, amount: "100000.01" })).toEqual({ amount: "TOO_LARGE" });
    expect(problems({ ...valid, amount: "12.345" })).toEqual({ amount: "INVALID" });
    expect(problems({ ...valid, amount: "1".repeat(40) })).toEqual({ amount: "INVALID" });
  });

  it("requires a payment method", () => {
    expect(problems({ ...valid, providerId: "  " })).toEqual({ providerId: "REQUIRED" });
  });
});

describe("topUpInputSchema with several fields wrong", () => {
  it("reports the amount's problem together with the payment method's", () => {
    expect(problems({ ...valid, providerId: "", amount: "abc" })).toEqual({
      providerId: "REQUIRED",
      amount: "INVALID",
    });
  });
});

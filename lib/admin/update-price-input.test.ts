import { describe, expect, it } from "vitest";
import { updatePriceInputSchema } from "@/lib/admin/update-price-input";
import { firstIssueByField } from "@/lib/first-issue-by-field";

const valid = { priceId: "p1", price: "29.00", currency: "USD", autoRenewSupported: true };
const problems = (input: Record<string, unknown>) => {
  const parsed = updatePriceInputSchema.safeParse(input);
  return parsed.success ? {} : firstIssueByField(parsed.error.issues);
};

describe("updatePriceInputSchema (the price dialog and updatePriceAction)", () => {
  it("gives the price in minor units", () => {
    expect(updatePriceInputSchema.parse(valid)).toEqual({ ...valid, priceMinor: 2_900 });
  });

  it("names the price's problem with the code the dialog translates", () => {
    expect(problems({ ...valid, price: "0.00" })).toEqual({ price: "INVALID" });
    expect(problems({ ...valid, price: "twenty" })).toEqual({ price: "INVALID" });
    expect(problems({ ...valid, price: "100000.01" })).toEqual({ price: "TOO_LARGE" });
  });
});

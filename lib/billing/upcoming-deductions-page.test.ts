import { describe, expect, it } from "vitest";
import { pageOf } from "@/lib/billing/upcoming-deductions-page";

const fees = Array.from({ length: 23 }, (_, index) => `fee-${index + 1}`);

describe("pageOf", () => {
  it("returns the asked-for page and the total it counts from", () => {
    expect(pageOf(fees, 1, 10)).toEqual({ items: fees.slice(0, 10), page: 1, pageSize: 10, total: 23 });
    expect(pageOf(fees, 2, 10).items).toEqual(fees.slice(10, 20));
    expect(pageOf(fees, 3, 10).items).toEqual(["fee-21", "fee-22", "fee-23"]);
  });

  it("moves back to the last page when the list shrank under the page on screen", () => {
    expect(pageOf(fees.slice(0, 12), 3, 10)).toMatchObject({ page: 2, items: ["fee-11", "fee-12"], total: 12 });
  });

  it("treats nonsense page numbers as the first page and an empty list as one empty page", () => {
    expect(pageOf(fees, 0, 10).page).toBe(1);
    expect(pageOf(fees, Number.NaN, 10).page).toBe(1);
    expect(pageOf(fees, -4, 25)).toMatchObject({ page: 1, items: fees, total: 23 });
    expect(pageOf([], 3, 10)).toEqual({ items: [], page: 1, pageSize: 10, total: 0 });
  });
});

import { describe, expect, it } from "vitest";
import { ledgerDateRange, parseLedgerListParams } from "@/lib/billing/ledger-list-params";
import { ledgerListQueryString } from "@/lib/billing/ledger-list-query";

describe("parseLedgerListParams", () => {
  it("reads the filters and page from the URL", () => {
    const params = parseLedgerListParams(
      new URLSearchParams("kind=TOP_UP&from=2026-05-01&to=2026-05-31&page=3&pageSize=50"),
    );
    expect(params).toEqual({ kind: "TOP_UP", from: "2026-05-01", to: "2026-05-31", page: 3, pageSize: 50 });
  });

  it("falls back to defaults for missing or hand-edited values", () => {
    expect(parseLedgerListParams({})).toEqual({ page: 1, pageSize: 20 });
    expect(
      parseLedgerListParams({ kind: "STEAL", from: "2026-02-30", to: "soon", page: "-2", pageSize: "1000" }),
    ).toEqual({ page: 1, pageSize: 20 });
    expect(parseLedgerListParams({ kind: ["REFUND", "TOP_UP"], page: "2.5" })).toEqual({
      kind: "REFUND",
      page: 1,
      pageSize: 20,
    });
  });
});

describe("ledgerListQueryString", () => {
  it("round-trips and leaves out the defaults", () => {
    const params = parseLedgerListParams({ kind: "REFUND", from: "2026-01-01", page: "2", pageSize: "10" });
    expect(ledgerListQueryString(params)).toBe("kind=REFUND&from=2026-01-01&page=2&pageSize=10");
    expect(parseLedgerListParams(new URLSearchParams(ledgerListQueryString(params)))).toEqual(params);
    expect(ledgerListQueryString({ page: 1, pageSize: 20 })).toBe("");
  });
});

describe("ledgerDateRange", () => {
  it("covers whole calendar days in the viewer's zone, the last one included", () => {
    expect(ledgerDateRange({ from: "2026-05-01", to: "2026-05-31" }, "Asia/Shanghai")).toEqual({
      from: new Date("2026-04-30T16:00:00Z"),
      to: new Date("2026-05-31T16:00:00Z"),
    });
    expect(ledgerDateRange({ to: "2026-05-31" }, "UTC")).toEqual({
      from: undefined,
      to: new Date("2026-06-01T00:00:00Z"),
    });
    expect(ledgerDateRange({}, "UTC")).toEqual({ from: undefined, to: undefined });
  });
});

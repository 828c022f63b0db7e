import { describe, expect, it } from "vitest";
import { parseLedgerListParams } from "@/lib/billing/ledger-list-params";
import { LEDGER_KINDS, readLedgerListQuery } from "@/lib/billing/ledger-list-query";
import { COMMON_BAD_VALUES, urlVariants } from "@/testing/url-variants";

describe("readLedgerListQuery", () => {
  it("agrees with the server's zod schema on good and bad URLs", () => {
    const dates = ["2026-05-01", "2026-02-29", "2028-02-29", "2026-13-01", "2026-5-1", "soon"];
    const urls = urlVariants({
      kind: [...LEDGER_KINDS, "top_up", "STEAL"],
      from: dates,
      to: dates,
      page: ["1", "3", "100000", "100001", ...COMMON_BAD_VALUES],
      pageSize: ["10", "20", "50", "100", ...COMMON_BAD_VALUES],
    });
    for (const url of urls) {
      expect(readLedgerListQuery(url), url.toString()).toEqual(parseLedgerListParams(url));
    }
  });

  it("drops an impossible date", () => {
    expect(readLedgerListQuery({ from: "2026-02-30", to: "2026-03-01" })).toEqual({
      to: "2026-03-01",
      page: 1,
      pageSize: 20,
    });
  });
});

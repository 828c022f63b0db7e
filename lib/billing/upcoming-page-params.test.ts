import { describe, expect, it } from "vitest";
import { FIRST_UPCOMING_PAGE, upcomingPageQueryString } from "@/lib/billing/upcoming-deductions-page";
import { parseUpcomingPageParams } from "@/lib/billing/upcoming-page-params";

describe("parseUpcomingPageParams", () => {
  it("reads the page and one of the offered sizes", () => {
    expect(parseUpcomingPageParams(new URLSearchParams("page=3&pageSize=25"))).toEqual({ page: 3, pageSize: 25 });
    expect(parseUpcomingPageParams(new URLSearchParams(""))).toEqual(FIRST_UPCOMING_PAGE);
  });

  it("falls back on anything else instead of failing", () => {
    for (const query of ["page=0", "page=-2", "page=1.5", "page=abc", "page=100001", "pageSize=11", "pageSize=1e9"]) {
      const params = parseUpcomingPageParams(new URLSearchParams(query));
      expect(params.page).toBeGreaterThanOrEqual(1);
      expect([10, 25, 50]).toContain(params.pageSize);
    }
    expect(parseUpcomingPageParams(new URLSearchParams("page=abc&pageSize=7"))).toEqual(FIRST_UPCOMING_PAGE);
  });

  it("reads back what the browser writes", () => {
    for (const params of [
      FIRST_UPCOMING_PAGE,
      { page: 4, pageSize: 50 } as const,
      { page: 1, pageSize: 25 } as const,
    ]) {
      expect(parseUpcomingPageParams(new URLSearchParams(upcomingPageQueryString(params)))).toEqual(params);
    }
  });
});

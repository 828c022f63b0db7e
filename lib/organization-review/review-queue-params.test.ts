import { describe, expect, it } from "vitest";
import {
  decodeReviewCursor,
  encodeReviewCursor,
  parseReviewQueueParams,
  reviewQueueQueryString,
} from "@/lib/organization-review/review-queue-params";

const cursor = { submittedAt: new Date("2026-06-01T08:00:00.123Z"), id: "clx0abc123" };

describe("the review queue's URL", () => {
  it("round-trips a keyset cursor, and refuses what is none", () => {
    expect(decodeReviewCursor(encodeReviewCursor(cursor))).toEqual(cursor);
    for (const bad of ["", "abc", "12.", ".id", "1.a b", `${"9".repeat(16)}.x`, "1.x;drop"]) {
      expect(decodeReviewCursor(bad)).toBeUndefined();
    }
  });

  it("reads the state and the cursor, falling back to the first page of reviews waiting", () => {
    expect(parseReviewQueueParams({})).toEqual({ state: "IN_REVIEW" });
    expect(parseReviewQueueParams({ state: "nonsense", after: "junk" })).toEqual({ state: "IN_REVIEW" });
    expect(parseReviewQueueParams({ state: "REJECTED", before: encodeReviewCursor(cursor) })).toEqual({
      state: "REJECTED",
      cursor: { direction: "before", ...cursor },
    });
    expect(
      parseReviewQueueParams(new URLSearchParams({ after: encodeReviewCursor(cursor), before: "1.x" })),
    ).toMatchObject({ cursor: { direction: "after" } });
  });

  it("writes the query of a page", () => {
    expect(reviewQueueQueryString("IN_REVIEW")).toBe("");
    expect(reviewQueueQueryString("ALL", { after: "1.x" })).toBe("?state=ALL&after=1.x");
  });
});

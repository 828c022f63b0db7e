import { describe, expect, it } from "vitest";
import { medianBy, percentile } from "./percentile";

describe("percentile", () => {
  it("takes the nearest rank, and 0 for no values", () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
    expect(percentile([10, 20, 30, 40], 95)).toBe(40);
    expect(percentile([], 95)).toBe(0);
  });
});

describe("medianBy", () => {
  it("returns the whole item with the median key, the lower middle for an even count", () => {
    const runs = [{ score: 99 }, { score: 82 }, { score: 94 }];
    expect(medianBy(runs, (run) => run.score)).toBe(runs[2]);
    expect(medianBy([{ score: 90 }, { score: 80 }], (run) => run.score)).toEqual({ score: 80 });
    expect(() => medianBy([], (run: { score: number }) => run.score)).toThrow();
  });
});

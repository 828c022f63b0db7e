import { describe, expect, it } from "vitest";
import { sortableIds } from "@/lib/renewal/sortable-ids";

describe("sortableIds", () => {
  it("makes cuid-shaped ids that sort in the order they were made", () => {
    const next = sortableIds(new Date("2026-06-15T08:00:00Z"));
    const ids = Array.from({ length: 3000 }, next);
    expect(ids.every((id) => /^c[0-9a-z]{24}$/.test(id))).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("sorts a later generator's ids after an earlier one's", () => {
    const first = sortableIds(new Date("2026-06-15T08:00:00.000Z"))();
    const second = sortableIds(new Date("2026-06-15T08:00:00.001Z"))();
    expect(first < second).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { formatTencentTime, formatTencentTimeOrNull } from "@/lib/tencent-api/tencent-time";

describe("formatTencentTime", () => {
  it("writes the instant on the GMT+8 clock, as the original's bodies do", () => {
    expect(formatTencentTime(new Date("2024-11-11T03:53:07.999Z"))).toBe("2024-11-11 11:53:07");
    expect(formatTencentTime(new Date("2026-06-15T20:00:00Z"))).toBe("2026-06-16 04:00:00");
  });

  it("keeps null as null", () => {
    expect(formatTencentTimeOrNull(null)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { formatMoney, parseMajorAmount } from "@/lib/money";

describe("money", () => {
  it("formats minor units in the viewer's language", () => {
    expect(formatMoney(123456, "USD", "en")).toBe("$1,234.56");
    expect(formatMoney(5, "USD", "en")).toBe("$0.05");
    expect(formatMoney(123456, "USD", "zh-CN")).toBe("US$1,234.56");
    expect(formatMoney(500, "JPY", "en")).toBe("¥500");
  });

  it("parses typed amounts without floating-point drift", () => {
    expect(parseMajorAmount("19.99", "USD")).toBe(1999);
    expect(parseMajorAmount("0.1", "USD")).toBe(10);
    expect(parseMajorAmount("1,5", "USD")).toBe(150);
    expect(parseMajorAmount("100", "USD")).toBe(10000);
    for (const bad of ["", "-5", "1.234", "1e3", "abc", "1.2.3", "9999999999"]) {
      expect(parseMajorAmount(bad, "USD")).toBeNull();
    }
  });
});

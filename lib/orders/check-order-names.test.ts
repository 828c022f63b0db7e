import { describe, expect, it } from "vitest";
import {
  acceptedOrderNames,
  bonusNames,
  boundNamesOfCovered,
  checkOrderNames,
  coveredNames,
  normalizeOrderName,
  type OrderNameRule,
} from "@/lib/orders/check-order-names";

const SINGLE: OrderNameRule = { domainType: "SINGLE", domainCount: 1, maxDomains: 1 };
const WILDCARD: OrderNameRule = { domainType: "WILDCARD", domainCount: 1, maxDomains: 1 };
const multi = (domainCount: number, maxDomains = 100): OrderNameRule => ({
  domainType: "MULTI",
  domainCount,
  maxDomains,
});

const codeOf = (name: string) => {
  const result = normalizeOrderName(name);
  return result.ok ? "OK" : result.code;
};

describe("normalizeOrderName: the CA's spelling", () => {
  it("lower-cases, trims and converts Unicode names to punycode", () => {
    expect(normalizeOrderName("  Shop.EXAMPLE.com ")).toEqual({ ok: true, name: "shop.example.com" });
    expect(normalizeOrderName("Bücher.de")).toEqual({ ok: true, name: "xn--bcher-kva.de" });
    expect(normalizeOrderName("例子.测试")).toEqual({ ok: true, name: "xn--fsqu00a.xn--0zwm56d" });
    expect(normalizeOrderName("*.Bücher.de")).toEqual({ ok: true, name: "*.xn--bcher-kva.de" });
    expect(normalizeOrderName("xn--bcher-kva.de")).toEqual({ ok: true, name: "xn--bcher-kva.de" });
  });

  it.each([
    ["", "EMPTY"],
    ["   ", "EMPTY"],
    ["exa mple.com", "INVALID_CHARACTER"],
    ["a/b.com", "INVALID_CHARACTER"],
    ["ex%41mple.com", "INVALID_CHARACTER"],
    ["user@example.com", "INVALID_CHARACTER"],
    ["example.com:443", "INVALID_CHARACTER"],
    ["https://example.com", "INVALID_CHARACTER"],
    ["a\u200Bb.example.com", "INVALID_CHARACTER"],
    ["\u202Eexample.com", "INVALID_CHARACTER"],
    ["exam\u00ADple.com", "INVALID_CHARACTER"],
    ["_dmarc.example.com", "UNDERSCORE"],
    ["my_host.example.com", "UNDERSCORE"],
    ["example.com.", "TRAILING_DOT"],
    ["example..com", "EMPTY_LABEL"],
    [".example.com", "EMPTY_LABEL"],
    [`${"a".repeat(64)}.com`, "LABEL_TOO_LONG"],
    ["-shop.example.com", "HYPHEN_AT_LABEL_EDGE"],
    ["shop-.example.com", "HYPHEN_AT_LABEL_EDGE"],
    [`${"abcdefghi.".repeat(26)}com`, "TOO_LONG"],
    [`${"abcdefghi.".repeat(24)}commmm`, "TOO_LONG_TO_VALIDATE"],
    ["localhost", "SINGLE_LABEL"],
    ["com", "SINGLE_LABEL"],
    ["192.0.2.1", "IP_ADDRESS"],
    ["0x7f.1", "IP_ADDRESS"],
    ["[2001:db8::1]", "INVALID_CHARACTER"],
    ["shop.123", "NUMERIC_TOP_LEVEL"],
    ["www.*.example.com", "WILDCARD_POSITION"],
    ["*.*.example.com", "WILDCARD_POSITION"],
    ["shop*.example.com", "WILDCARD_POSITION"],
    ["*.com", "WILDCARD_TOO_BROAD"],
  ])("refuses %j: %s", (name, code) => {
    expect(codeOf(name)).toBe(code);
  });

  it("accepts the longest names DNS and the _dnsauth record allow", () => {
    const label = "a".repeat(63);
    expect(codeOf(`${label}.example.com`)).toBe("OK");
    const longest = `${"abcdefghi.".repeat(24)}comm`; // 244 characters
    expect(longest).toHaveLength(244);
    expect(codeOf(longest)).toBe("OK");
  });
});

describe("bonus names (the original's www rule)", () => {
  it("adds www to an apex, the apex to its www, and the base to a wildcard", () => {
    expect(bonusNames("example.com")).toEqual(["www.example.com"]);
    expect(bonusNames("www.example.com")).toEqual(["example.com"]);
    expect(bonusNames("*.example.com")).toEqual(["example.com"]);
    expect(bonusNames("*.shop.example.com")).toEqual(["shop.example.com"]);
  });

  it("adds nothing to other subdomains", () => {
    expect(bonusNames("shop.example.com")).toEqual([]);
    expect(bonusNames("www.shop.example.com")).toEqual([]);
  });

  it("lists bound names each followed by their bonus, once each", () => {
    expect(coveredNames(["example.com", "shop.example.org", "www.example.net"])).toEqual([
      "example.com",
      "www.example.com",
      "shop.example.org",
      "www.example.net",
      "example.net",
    ]);
  });
});

describe("checkOrderNames: what the product covers", () => {
  it("single: one name without a wildcard, with its bonus name", () => {
    const checked = checkOrderNames(["Example.com"], SINGLE);
    expect(acceptedOrderNames(checked)).toEqual({
      boundNames: ["example.com"],
      covered: ["example.com", "www.example.com"],
    });
    expect(checkOrderNames(["*.example.com"], SINGLE).problems).toEqual([
      { index: 0, code: "WILDCARD_NOT_ALLOWED", params: { name: "*.example.com" } },
    ]);
    expect(checkOrderNames(["a.example.com", "b.example.com"], SINGLE).listProblems).toEqual([
      { code: "WRONG_COUNT", params: { expected: 1, actual: 2 } },
    ]);
  });

  it("wildcard: exactly one *.base, which also covers the base", () => {
    expect(acceptedOrderNames(checkOrderNames(["*.shop.example.com"], WILDCARD))).toEqual({
      boundNames: ["*.shop.example.com"],
      covered: ["*.shop.example.com", "shop.example.com"],
    });
    expect(checkOrderNames(["shop.example.com"], WILDCARD).problems).toEqual([
      { index: 0, code: "WILDCARD_REQUIRED", params: { name: "shop.example.com" } },
    ]);
  });

  it("multi: exactly the ordered count, no wildcard, no name twice or already covered", () => {
    expect(acceptedOrderNames(checkOrderNames(["a.example.com", "b.example.com", "example.org"], multi(3)))).toEqual({
      boundNames: ["a.example.com", "b.example.com", "example.org"],
      covered: ["a.example.com", "b.example.com", "example.org", "www.example.org"],
    });
    expect(checkOrderNames(["a.example.com"], multi(2)).listProblems).toEqual([
      { code: "WRONG_COUNT", params: { expected: 2, actual: 1 } },
    ]);
    const checked = checkOrderNames(
      ["example.com", "A.example.com", "a.example.com", "www.example.com", "*.x.com"],
      multi(5),
    );
    expect(checked.problems.map((problem) => [problem.index, problem.code, problem.params.by])).toEqual([
      [4, "WILDCARD_NOT_ALLOWED", undefined],
      [2, "DUPLICATE", undefined],
      [3, "ALREADY_COVERED", "example.com"],
    ]);
    expect(checked.names).toEqual(["example.com", "a.example.com", null, null, null]);
    expect(acceptedOrderNames(checked)).toBeNull();
  });

  it("multi: a count from 2 to the product's maximum", () => {
    expect(checkOrderNames(["a.example.com"], multi(1)).listProblems).toEqual([
      { code: "COUNT_OUT_OF_RANGE", params: { min: 2, max: 100, count: 1 } },
    ]);
    expect(checkOrderNames(["a.example.com", "b.example.com", "c.example.com"], multi(3, 2)).listProblems).toEqual([
      { code: "COUNT_OUT_OF_RANGE", params: { min: 2, max: 2, count: 3 } },
    ]);
  });

  it("reports every invalid name with the name as entered", () => {
    expect(checkOrderNames(["  bad..name "], SINGLE).problems).toEqual([
      { index: 0, code: "EMPTY_LABEL", params: { name: "bad..name" } },
    ]);
  });
});

describe("boundNamesOfCovered: a certificate's names as a renewal orders them again", () => {
  it("undoes coveredNames for every domain type", () => {
    for (const [bound, domainType] of [
      [["example.com"], "SINGLE"],
      [["www.example.com"], "SINGLE"],
      [["*.example.com"], "WILDCARD"],
      [["example.com", "shop.example.org", "*.example.net"], "MULTI"],
    ] as const) {
      expect(boundNamesOfCovered(coveredNames(bound), domainType)).toEqual(bound);
    }
  });

  it("keeps only the domain of a single-name certificate, whatever its SANs", () => {
    expect(boundNamesOfCovered(["shop.example.com", "other.example.com"], "SINGLE")).toEqual(["shop.example.com"]);
  });
});

import { describe, expect, it } from "vitest";
import { normalizeDomainName } from "@/lib/dns/normalize-domain-name";
import {
  createValidationRecord,
  enclosingZoneNames,
  findHostedZone,
  validationRecordName,
} from "@/lib/dns/validation-record";

describe("validationRecordName", () => {
  it("puts the record at _dnsauth.<domain>", () => {
    expect(validationRecordName("www.example.com")).toBe("_dnsauth.www.example.com");
    expect(validationRecordName("example.com")).toBe("_dnsauth.example.com");
  });

  it("puts a wildcard's record at _dnsauth.<base>", () => {
    expect(validationRecordName("*.example.com")).toBe("_dnsauth.example.com");
    expect(validationRecordName("*.shop.example.com")).toBe("_dnsauth.shop.example.com");
  });

  it("normalizes case, whitespace and the trailing dot", () => {
    expect(validationRecordName("  WWW.Example.COM. ")).toBe("_dnsauth.www.example.com");
    expect(validationRecordName("*.EXAMPLE.com.")).toBe("_dnsauth.example.com");
  });

  it.each([
    "",
    ".",
    "example..com",
    "-bad.example.com",
    "bad-.example.com",
    "www.*.example.com",
    "*",
    "exa mple.com",
    "192.168.0.1",
    `${"a".repeat(64)}.com`,
    `${"abcdefghi.".repeat(26)}com`,
  ])("rejects %j", (domain) => {
    expect(() => validationRecordName(domain)).toThrow(RangeError);
  });
});

describe("createValidationRecord", () => {
  it("makes a TXT record, TTL 600, with a 32-hex-character token from the given randomness", () => {
    const record = createValidationRecord("*.Example.com", (bytes) => bytes.fill(0xab));
    expect(record).toEqual({ name: "_dnsauth.example.com", type: "TXT", ttl: 600, value: "ab".repeat(16) });
  });

  it("draws a fresh token each time by default", () => {
    const first = createValidationRecord("example.com");
    const second = createValidationRecord("example.com");
    expect(first.value).toMatch(/^[0-9a-f]{32}$/);
    expect(second.value).toMatch(/^[0-9a-f]{32}$/);
    expect(first.value).not.toBe(second.value);
  });
});

describe("findHostedZone", () => {
  const zones = ["example.com", "shop.example.com", "other.org"];

  it("finds the zone of a name inside it, and of its apex", () => {
    expect(findHostedZone("www.example.com", zones)).toBe("example.com");
    expect(findHostedZone("example.com", zones)).toBe("example.com");
    expect(findHostedZone("_dnsauth.www.other.org", zones)).toBe("other.org");
  });

  it("picks the most specific of nested zones, whatever their order", () => {
    expect(findHostedZone("a.b.shop.example.com", zones)).toBe("shop.example.com");
    expect(findHostedZone("a.b.shop.example.com", [...zones].reverse())).toBe("shop.example.com");
    expect(findHostedZone("shop.example.com", zones)).toBe("shop.example.com");
    expect(findHostedZone("blog.example.com", zones)).toBe("example.com");
  });

  it("places a wildcard in the zone of its base", () => {
    expect(findHostedZone("*.example.com", zones)).toBe("example.com");
    expect(findHostedZone("*.shop.example.com", zones)).toBe("shop.example.com");
    expect(findHostedZone("*.example.com", ["www.example.com"])).toBeNull();
  });

  it("respects label boundaries", () => {
    expect(findHostedZone("badexample.com", zones)).toBeNull();
    expect(findHostedZone("www.badexample.com", zones)).toBeNull();
    expect(findHostedZone("myshop.example.com", ["shop.example.com"])).toBeNull();
    expect(findHostedZone("example.com", ["www.example.com"])).toBeNull();
    expect(findHostedZone("example.co", zones)).toBeNull();
  });

  it("ignores case and trailing dots on both sides, returning the zone as given", () => {
    expect(findHostedZone("WWW.EXAMPLE.COM.", ["Example.Com."])).toBe("Example.Com.");
    expect(findHostedZone("www.example.com", ["EXAMPLE.COM"])).toBe("EXAMPLE.COM");
  });

  it("returns null without zones", () => {
    expect(findHostedZone("www.example.com", [])).toBeNull();
  });
});

describe("enclosingZoneNames", () => {
  it("lists every suffix, most specific first, from the wildcard's base", () => {
    expect(enclosingZoneNames("_dnsauth.WWW.example.com.")).toEqual([
      "_dnsauth.www.example.com",
      "www.example.com",
      "example.com",
      "com",
    ]);
    expect(enclosingZoneNames("*.example.com")).toEqual(["example.com", "com"]);
  });
});

describe("normalizeDomainName", () => {
  it("keeps punycode, hyphens inside labels and service labels", () => {
    expect(normalizeDomainName("XN--bcher-kva.example")).toBe("xn--bcher-kva.example");
    expect(normalizeDomainName("_acme-challenge.my-site.io")).toBe("_acme-challenge.my-site.io");
    expect(normalizeDomainName("*.Example.com")).toBe("*.example.com");
  });
});

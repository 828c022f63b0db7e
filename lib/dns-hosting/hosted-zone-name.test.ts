import { describe, expect, it } from "vitest";
import { checkHostedZoneName, zonesOverlap } from "@/lib/dns-hosting/hosted-zone-name";

describe("checkHostedZoneName", () => {
  it("accepts a domain in any case, with or without the root's dot", () => {
    expect(checkHostedZoneName("  Example-Shop.COM. ")).toEqual({ ok: true, name: "example-shop.com" });
    expect(checkHostedZoneName("shop.example.co.uk")).toEqual({ ok: true, name: "shop.example.co.uk" });
  });

  it("says what is wrong with names that cannot be zones", () => {
    expect(checkHostedZoneName("https://example.com/")).toEqual({ ok: false, problem: "INVALID" });
    expect(checkHostedZoneName("exa mple.com")).toEqual({ ok: false, problem: "INVALID" });
    expect(checkHostedZoneName("")).toEqual({ ok: false, problem: "INVALID" });
    expect(checkHostedZoneName("192.0.2.1")).toEqual({ ok: false, problem: "INVALID" });
    expect(checkHostedZoneName(`${"a".repeat(64)}.com`)).toEqual({ ok: false, problem: "INVALID" });
    expect(checkHostedZoneName("*.example.com")).toEqual({ ok: false, problem: "WILDCARD" });
    expect(checkHostedZoneName("com")).toEqual({ ok: false, problem: "SINGLE_LABEL" });
    expect(checkHostedZoneName("_dnsauth.example.com")).toEqual({ ok: false, problem: "SERVICE_LABEL" });
  });
});

describe("zonesOverlap", () => {
  it("is true for the same zone and for a zone inside the other, only on label boundaries", () => {
    expect(zonesOverlap("example.com", "example.com")).toBe(true);
    expect(zonesOverlap("shop.example.com", "example.com")).toBe(true);
    expect(zonesOverlap("example.com", "shop.example.com")).toBe(true);
    expect(zonesOverlap("badexample.com", "example.com")).toBe(false);
    expect(zonesOverlap("example.com", "example.org")).toBe(false);
  });
});

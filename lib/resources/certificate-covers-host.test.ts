import { describe, expect, it } from "vitest";
import { certificateCoversHost, looksLikeHostName, uncoveredHosts } from "@/lib/resources/certificate-covers-host";

describe("certificateCoversHost", () => {
  it("matches exact names and one wildcard label", () => {
    const names = ["*.example-shop.com", "example-shop.com"];
    expect(certificateCoversHost(names, "static.example-shop.com")).toBe(true);
    expect(certificateCoversHost(names, "EXAMPLE-SHOP.com.")).toBe(true);
    expect(certificateCoversHost(names, "a.b.example-shop.com")).toBe(false);
    expect(certificateCoversHost(names, "example-shop.org")).toBe(false);
    expect(certificateCoversHost(["www.example.com"], "example.com")).toBe(false);
  });

  it("does not let a wildcard match a bare suffix", () => {
    expect(certificateCoversHost(["*.example.com"], "example.com")).toBe(false);
    expect(certificateCoversHost(["*.example.com"], "badexample.com")).toBe(false);
  });
});

describe("uncoveredHosts", () => {
  it("checks only resources named like hosts", () => {
    expect(looksLikeHostName("shop-lb-prod")).toBe(false);
    expect(looksLikeHostName("static.example-shop.com")).toBe(true);
    expect(uncoveredHosts(["*.example-shop.com"], "shop-lb-prod")).toEqual([]);
    expect(uncoveredHosts(["*.example-shop.com"], "static.example-shop.com")).toEqual([]);
    expect(uncoveredHosts(["www.demo-app.net"], "static.example-shop.com")).toEqual(["static.example-shop.com"]);
  });
});

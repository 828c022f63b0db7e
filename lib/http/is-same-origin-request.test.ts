import { describe, expect, it } from "vitest";
import { isSameOriginRequest } from "@/lib/http/is-same-origin-request";

const request = (origin: string | null, host: string | null, forwardedHost: string | null = null) =>
  isSameOriginRequest({ origin, host, forwardedHost });

describe("isSameOriginRequest", () => {
  it("accepts the app's own origin, by Host or by X-Forwarded-Host behind a proxy", () => {
    expect(request("http://localhost:3000", "localhost:3000")).toBe(true);
    expect(request("https://certs.example.com", "10.0.0.5:3000", "certs.example.com")).toBe(true);
    expect(request("https://CERTS.example.com", "certs.example.com")).toBe(true);
  });

  it("refuses foreign, look-alike, opaque and missing origins", () => {
    expect(request("https://attacker.example", "certs.example.com")).toBe(false);
    expect(request("https://certs.example.com.attacker.example", "certs.example.com")).toBe(false);
    expect(request("http://localhost:3001", "localhost:3000")).toBe(false);
    expect(request("null", "certs.example.com")).toBe(false);
    expect(request(null, "certs.example.com")).toBe(false);
    expect(request("not a url", "certs.example.com")).toBe(false);
    expect(request("https://certs.example.com", null)).toBe(false);
  });

  it("trusts the first X-Forwarded-Host when a chain of proxies lists several", () => {
    expect(request("https://certs.example.com", "internal:3000", "certs.example.com, lb.internal")).toBe(true);
    expect(request("https://lb.internal", "internal:3000", "certs.example.com, lb.internal")).toBe(false);
  });
});

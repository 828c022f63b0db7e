import { describe, expect, it } from "vitest";
import { decideRedirect, sameSiteHosts } from "@/lib/validation/file-redirect-policy";

const from = new URL("http://example.com/.well-known/pki-validation/fileauth.txt");
const decide = (location: string | undefined, redirects = 0, host = "example.com") =>
  decideRedirect({ host, from, location, redirects });

describe("decideRedirect", () => {
  it("follows to https and to the www counterpart, relative locations included", () => {
    expect(decide("https://example.com/.well-known/pki-validation/fileauth.txt")).toMatchObject({ follow: true });
    expect(decide("http://www.example.com/fileauth.txt")).toMatchObject({ follow: true });
    const relative = decide("/validation/fileauth.txt");
    expect(relative.follow && relative.url.href).toBe("http://example.com/validation/fileauth.txt");
    expect(sameSiteHosts("www.example.com")).toEqual(["www.example.com", "example.com"]);
  });

  it("follows at most two redirects", () => {
    expect(decide("https://example.com/", 1)).toMatchObject({ follow: true });
    expect(decide("https://example.com/", 2)).toMatchObject({ follow: false, reason: "TOO_MANY_REDIRECTS" });
  });

  it("never leaves the domain, its scheme family or the standard ports", () => {
    expect(decide("https://attacker.example.net/fileauth.txt")).toMatchObject({ follow: false, reason: "OTHER_HOST" });
    expect(decide("https://example.com.attacker.net/")).toMatchObject({ follow: false, reason: "OTHER_HOST" });
    expect(decide("https://shop.example.com/")).toMatchObject({ follow: false, reason: "OTHER_HOST" });
    expect(decide("https://user:pw@example.com/")).toMatchObject({ follow: false, reason: "OTHER_HOST" });
    expect(decide("ftp://example.com/fileauth.txt")).toMatchObject({ follow: false, reason: "NOT_HTTP" });
    expect(decide("http://example.com:8080/")).toMatchObject({ follow: false, reason: "OTHER_PORT" });
    expect(
      decideRedirect({ host: "example.com", from, location: "http://example.com:8080/", redirects: 0, ports: [8080] }),
    ).toMatchObject({
      follow: true,
    });
    expect(decide(undefined)).toMatchObject({ follow: false, reason: "BAD_LOCATION" });
    expect(decide("http://[bad")).toMatchObject({ follow: false, reason: "BAD_LOCATION" });
  });
});

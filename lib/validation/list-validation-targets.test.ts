import { describe, expect, it } from "vitest";
import {
  certificateNames,
  dnsValidationTargets,
  fileValidationAllowed,
  listValidationTargets,
} from "@/lib/validation/list-validation-targets";

const token = "0123456789abcdef0123456789abcdef";
const records = (domain: string, sans: string[] = []) =>
  listValidationTargets({ method: "DNS", domain, sans, token }).map((target) =>
    target.kind === "DNS" ? [target.name, target.covers] : [],
  );

describe("DNS validation records", () => {
  it("one record for an apex and its www bonus, at the apex, whichever of the two is bound", () => {
    expect(records("example.com", ["www.example.com"])).toEqual([
      ["_dnsauth.example.com", ["example.com", "www.example.com"]],
    ]);
    expect(records("www.example.com", ["example.com"])).toEqual([
      ["_dnsauth.example.com", ["www.example.com", "example.com"]],
    ]);
  });

  it("one record for a wildcard and its base, at the base", () => {
    expect(records("*.example.com", ["example.com"])).toEqual([
      ["_dnsauth.example.com", ["*.example.com", "example.com"]],
    ]);
  });

  it("a www name without its apex is validated at itself, as renewals always were", () => {
    expect(records("www.example.com")).toEqual([["_dnsauth.www.example.com", ["www.example.com"]]]);
    expect(records("shop.example.com")).toEqual([["_dnsauth.shop.example.com", ["shop.example.com"]]]);
  });

  it("one record per distinct base of a multi-domain certificate, all with the one token and TTL 600", () => {
    const targets = dnsValidationTargets(
      certificateNames("a.example.com", ["b.example.com", "example.org", "www.example.org"]),
      token,
    );
    expect(targets.map((target) => target.name)).toEqual([
      "_dnsauth.a.example.com",
      "_dnsauth.b.example.com",
      "_dnsauth.example.org",
    ]);
    for (const target of targets) expect(target).toMatchObject({ type: "TXT", ttl: 600, value: token });
  });
});

describe("file validation", () => {
  it("needs the file on every covered host, bonus names included", () => {
    const targets = listValidationTargets({ method: "FILE", domain: "example.com", sans: ["www.example.com"], token });
    expect(targets).toEqual([
      {
        kind: "FILE",
        host: "example.com",
        url: "http://example.com/.well-known/pki-validation/fileauth.txt",
        path: "/.well-known/pki-validation/fileauth.txt",
        content: token,
      },
      expect.objectContaining({
        host: "www.example.com",
        url: "http://www.example.com/.well-known/pki-validation/fileauth.txt",
      }),
    ]);
  });

  it("is not possible for a wildcard", () => {
    expect(fileValidationAllowed(["*.example.com", "example.com"])).toBe(false);
    expect(listValidationTargets({ method: "FILE", domain: "*.example.com", sans: ["example.com"], token })).toEqual(
      [],
    );
    expect(fileValidationAllowed(["example.com"])).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { boundNamesOf } from "@/lib/tencent-api/actions/certificate-info-submit";

describe("the names CertificateInfoSubmit binds", () => {
  it("keeps the common name first and drops the names a bound one covers already", () => {
    expect(boundNamesOf("*.example.com", ["*.example.com", "example.com"])).toEqual(["*.example.com"]);
    expect(boundNamesOf("example.com", ["www.example.com"])).toEqual(["example.com"]);
    expect(boundNamesOf("www.example.com", ["EXAMPLE.com"])).toEqual(["www.example.com"]);
  });

  it("keeps every other name, in order, for a multi-domain certificate", () => {
    expect(boundNamesOf("a.example.com", ["b.example.com", "a.example.com", "c.example.org"])).toEqual([
      "a.example.com",
      "b.example.com",
      "c.example.org",
    ]);
  });
});

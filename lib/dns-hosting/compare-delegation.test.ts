import { describe, expect, it } from "vitest";
import { compareDelegation } from "@/lib/dns-hosting/compare-delegation";

const ours = ["ns1.certdesk.example", "ns2.certdesk.example"];

describe("compareDelegation", () => {
  it("is delegated when the parent names only our servers, all or some, in any spelling", () => {
    expect(compareDelegation(ours, ["ns2.certdesk.example", "ns1.certdesk.example"])).toBe("DELEGATED");
    expect(compareDelegation(ours, ["NS1.CertDesk.Example."])).toBe("DELEGATED");
  });

  it("is partial when the parent mixes ours with others", () => {
    expect(compareDelegation(ours, ["ns1.certdesk.example", "ns1.old-host.example"])).toBe("PARTIAL");
  });

  it("is not delegated when the parent names other servers, or none", () => {
    expect(compareDelegation(ours, ["ns1.old-host.example", "ns2.old-host.example"])).toBe("NOT_DELEGATED");
    expect(compareDelegation(ours, [])).toBe("NOT_DELEGATED");
    expect(compareDelegation([], ["ns1.certdesk.example"])).toBe("NOT_DELEGATED");
  });
});

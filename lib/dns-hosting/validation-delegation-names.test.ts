import { describe, expect, it } from "vitest";
import {
  checkDelegationDomain,
  createDelegationLabel,
  delegationRecordName,
  delegationTarget,
  domainOfValidationRecord,
} from "@/lib/dns-hosting/validation-delegation-names";

describe("validation delegation names", () => {
  it("makes unguessable labels of 24 hex characters from the random source", () => {
    expect(createDelegationLabel((bytes) => bytes.fill(0xab))).toBe("ab".repeat(12));
    const labels = new Set(Array.from({ length: 50 }, () => createDelegationLabel()));
    expect(labels.size).toBe(50);
    for (const label of labels) expect(label).toMatch(/^[0-9a-f]{24}$/);
  });

  it("names the CNAME and its target", () => {
    expect(delegationRecordName("shop.customer.example")).toBe("_acme-challenge.shop.customer.example");
    expect(delegationTarget("ab12", "validation.certdesk.example")).toBe("ab12.validation.certdesk.example");
  });

  it("reads the domain a built-in CA record proves, and nothing else", () => {
    expect(domainOfValidationRecord("_dnsauth.shop.customer.example")).toBe("shop.customer.example");
    expect(domainOfValidationRecord("_acme-challenge.shop.customer.example")).toBeNull();
    expect(domainOfValidationRecord("_dnsauth.")).toBeNull();
  });

  it("takes the same domain names as hosted zones", () => {
    expect(checkDelegationDomain("Shop.Customer.Example")).toEqual({ ok: true, name: "shop.customer.example" });
    expect(checkDelegationDomain("*.customer.example")).toEqual({ ok: false, problem: "WILDCARD" });
  });
});

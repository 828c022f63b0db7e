import { describe, expect, it } from "vitest";
import {
  autoRenewEligibilityFailures,
  deactivationRefusal,
  deductionTime,
  displayStatus,
  type EligibilityFacts,
  issuedCertificateExpiry,
  manualRenewalFailures,
  manualRenewalFlow,
  productAutoRenewFailures,
  renewedExpiry,
  type SupportedCombination,
  validationDeadline,
} from "@/lib/renewal/auto-renew-rules";

const SUPPORTED: SupportedCombination[] = [
  { brand: "DNSPod", certificateType: "DV", domainType: "SINGLE" },
  { brand: "DNSPod", certificateType: "DV", domainType: "WILDCARD" },
  { brand: "TrustAsia", certificateType: "DV", domainType: "WILDCARD" },
  { brand: "WoTrus", certificateType: "DV", domainType: "WILDCARD" },
];

const now = new Date("2026-05-01T10:00:00Z");
const daysFromNow = (days: number, extraMs = 0) => new Date(now.getTime() + days * 86_400_000 + extraMs);

function facts(overrides: Partial<EligibilityFacts> = {}): EligibilityFacts {
  return {
    source: "PURCHASED",
    brand: "DNSPod",
    certificateType: "DV",
    domainType: "SINGLE",
    validityYears: 1,
    status: "ISSUED",
    expiresAt: daysFromNow(60),
    autoRenewState: "OFF",
    renewalUnderWay: false,
    ...overrides,
  };
}

const failuresOf = (overrides: Partial<EligibilityFacts>, at = now) =>
  autoRenewEligibilityFailures(facts(overrides), SUPPORTED, at);

describe("the 14-day window", () => {
  it("can be enabled with exactly 14 days left", () => {
    expect(failuresOf({ expiresAt: daysFromNow(14) })).toEqual([]);
  });

  it("cannot be enabled with 14 days minus one second left (13 days 23:59:59)", () => {
    expect(failuresOf({ expiresAt: daysFromNow(14, -1000) })).toEqual(["TOO_LATE"]);
  });

  it("counts whole 24-hour days, the same in any viewer's time zone", () => {
    // 14 days exactly, stated in Shanghai time: the instant is what counts.
    const expiresAt = new Date("2026-05-15T18:00:00+08:00");
    expect(failuresOf({ expiresAt })).toEqual([]);
    expect(failuresOf({ expiresAt: new Date("2026-05-15T17:59:59+08:00") })).toEqual(["TOO_LATE"]);
  });

  it("says expired rather than too late once the certificate has expired", () => {
    expect(failuresOf({ expiresAt: now })).toEqual(["EXPIRED"]);
  });
});

describe("which certificates qualify", () => {
  it("accepts every supported combination in the table", () => {
    for (const combination of SUPPORTED) expect(failuresOf(combination)).toEqual([]);
  });

  it("names the dimension that is not supported", () => {
    expect(failuresOf({ brand: "GeoTrust" })).toEqual(["BRAND_NOT_SUPPORTED"]);
    expect(failuresOf({ certificateType: "OV" })).toEqual(["TYPE_NOT_SUPPORTED"]);
    expect(failuresOf({ brand: "TrustAsia", domainType: "SINGLE" })).toEqual(["DOMAIN_TYPE_NOT_SUPPORTED"]);
    expect(failuresOf({ domainType: "MULTI" })).toEqual(["DOMAIN_TYPE_NOT_SUPPORTED"]);
  });

  it("refuses free, uploaded, multi-year and unissued certificates, listing every failing condition", () => {
    expect(failuresOf({ source: "FREE" })).toEqual(["NOT_PAID"]);
    expect(failuresOf({ source: "UPLOADED", brand: "Let's Encrypt" })).toEqual(["UPLOADED", "BRAND_NOT_SUPPORTED"]);
    expect(failuresOf({ validityYears: 2 })).toEqual(["NOT_ONE_YEAR"]);
    expect(failuresOf({ status: "PENDING_VALIDATION", expiresAt: null })).toEqual(["NOT_ISSUED"]);
    expect(failuresOf({ source: "FREE", certificateType: "EV", expiresAt: daysFromNow(3) })).toEqual([
      "NOT_PAID",
      "TYPE_NOT_SUPPORTED",
      "TOO_LATE",
    ]);
  });

  it("refuses when already on, or when a renewal has already been paid", () => {
    expect(failuresOf({ autoRenewState: "ON" })).toEqual(["ALREADY_ON"]);
    expect(failuresOf({ autoRenewState: "ON", renewalUnderWay: true })).toEqual(["RENEWAL_UNDER_WAY"]);
  });

  it("allows enabling again after a termination when the rules hold", () => {
    expect(failuresOf({ autoRenewState: "TERMINATED" })).toEqual([]);
  });

  it("never enrols OV or EV, even where the table would list them (renewals need an organisation review)", () => {
    const withOrganization = [
      ...SUPPORTED,
      { brand: "GeoTrust", certificateType: "OV", domainType: "SINGLE" } as const,
      { brand: "GeoTrust", certificateType: "EV", domainType: "SINGLE" } as const,
    ];
    for (const certificateType of ["OV", "EV"] as const) {
      expect(
        autoRenewEligibilityFailures(facts({ brand: "GeoTrust", certificateType }), withOrganization, now),
      ).toEqual(["TYPE_NOT_SUPPORTED"]);
    }
  });

  it("follows the table as data: a brand added later qualifies", () => {
    const extended = [...SUPPORTED, { brand: "GeoTrust", certificateType: "DV", domainType: "SINGLE" } as const];
    expect(autoRenewEligibilityFailures(facts({ brand: "GeoTrust" }), extended, now)).toEqual([]);
  });
});

describe("dates of a renewal", () => {
  it("deducts 30 × 24 hours before expiry", () => {
    expect(deductionTime(new Date("2026-11-01T00:00:00Z")).toISOString()).toBe("2026-10-02T00:00:00.000Z");
  });

  it("extends to the old expiry plus one calendar year (the source's example)", () => {
    expect(renewedExpiry(new Date("2021-11-01T00:00:00Z")).toISOString()).toBe("2022-11-01T00:00:00.000Z");
    expect(renewedExpiry(new Date("2028-02-29T08:00:00Z")).toISOString()).toBe("2029-02-28T08:00:00.000Z");
  });

  it("gives a new certificate 7 days to be validated", () => {
    expect(validationDeadline(new Date("2026-10-02T00:00:00Z")).toISOString()).toBe("2026-10-09T00:00:00.000Z");
  });
});

describe("display status and deactivation", () => {
  it("shows an issued certificate past its expiry as expired", () => {
    expect(displayStatus("ISSUED", daysFromNow(0), now)).toBe("EXPIRED");
    expect(displayStatus("ISSUED", daysFromNow(0, 1), now)).toBe("ISSUED");
    expect(displayStatus("PENDING_VALIDATION", null, now)).toBe("PENDING_VALIDATION");
  });

  it("can be turned off only while on and before the fee is deducted", () => {
    expect(deactivationRefusal("ON", false)).toBeNull();
    expect(deactivationRefusal("ON", true)).toBe("ALREADY_DEDUCTED");
    expect(deactivationRefusal("OFF", false)).toBe("NOT_ON");
    expect(deactivationRefusal("TERMINATED", false)).toBe("NOT_ON");
  });
});

describe("manual renewal", () => {
  const manual = (overrides: Partial<EligibilityFacts>, hasPrice = true) =>
    manualRenewalFailures(
      facts({ expiresAt: daysFromNow(20), autoRenewState: "TERMINATED", ...overrides }),
      hasPrice,
      now,
    );

  it("is open within 30 days of expiry when auto-renewal is off or terminated", () => {
    expect(manual({})).toEqual([]);
    expect(manual({ autoRenewState: "OFF", expiresAt: daysFromNow(30) })).toEqual([]);
    expect(manual({ expiresAt: daysFromNow(30, 1) })).toEqual(["TOO_EARLY"]);
    expect(manual({ expiresAt: daysFromNow(0, 1) })).toEqual([]);
    expect(manual({ expiresAt: now })).toEqual(["EXPIRED"]);
  });

  it("leaves auto-renewal and paid renewals alone, and needs a DV price", () => {
    expect(manual({ autoRenewState: "ON" })).toEqual(["AUTO_RENEW_ON"]);
    expect(manual({ renewalUnderWay: true })).toEqual(["RENEWAL_UNDER_WAY"]);
    expect(manual({ certificateType: "OV" })).toEqual(["NEEDS_ORGANIZATION_REVIEW"]);
    expect(manual({}, false)).toEqual(["NO_PRICE"]);
    expect(manual({ source: "UPLOADED" })).toEqual(["UPLOADED"]);
    expect(manual({ source: "FREE" })).toEqual(["NOT_PAID"]);
  });
});

describe("manual renewal of OV and EV, through the order form", () => {
  const ordered = (overrides: Partial<EligibilityFacts> & { renewalOrderOpen?: boolean }, hasPrice = true) =>
    manualRenewalFailures(
      { ...facts({ certificateType: "OV", expiresAt: daysFromNow(20), autoRenewState: "OFF" }), ...overrides },
      hasPrice,
      now,
      "ORDER",
    );

  it("picks the flow by type: DV renews at once, OV and EV through an order", () => {
    expect(manualRenewalFlow("DV")).toBe("RENEW_NOW");
    expect(manualRenewalFlow("OV")).toBe("ORDER");
    expect(manualRenewalFlow("EV")).toBe("ORDER");
  });

  it("has the DV window: within 30 days of expiry, not expired", () => {
    expect(ordered({})).toEqual([]);
    expect(ordered({ certificateType: "EV" })).toEqual([]);
    expect(ordered({ expiresAt: daysFromNow(30) })).toEqual([]);
    expect(ordered({ expiresAt: daysFromNow(30, 1) })).toEqual(["TOO_EARLY"]);
    expect(ordered({ expiresAt: now })).toEqual(["EXPIRED"]);
    expect(ordered({ status: "PENDING_LETTER_UPLOAD", expiresAt: null })).toEqual(["NOT_ISSUED"]);
  });

  it("refuses DV, which Renew now renews, and what DV manual renewal refuses", () => {
    expect(ordered({ certificateType: "DV" })).toEqual(["RENEWS_WITHOUT_ORDER"]);
    expect(ordered({}, false)).toEqual(["NO_PRICE"]);
    expect(ordered({ source: "FREE" })).toEqual(["NOT_PAID"]);
    expect(ordered({ validityYears: 2 })).toEqual(["NOT_ONE_YEAR"]);
    expect(ordered({ autoRenewState: "ON" })).toEqual(["AUTO_RENEW_ON"]);
    expect(ordered({ renewalUnderWay: true })).toEqual(["RENEWAL_UNDER_WAY"]);
  });

  it("refuses a second renewal while one order is open", () => {
    expect(ordered({ renewalOrderOpen: true })).toEqual(["RENEWAL_ORDER_OPEN"]);
    expect(ordered({ renewalOrderOpen: true, renewalUnderWay: true })).toEqual(["RENEWAL_ORDER_OPEN"]);
  });
});

describe("the product's part of the rule (shared by the dialog and the order form)", () => {
  const product = {
    source: "PURCHASED" as const,
    brand: "DNSPod",
    certificateType: "DV" as const,
    domainType: "WILDCARD" as const,
    validityYears: 1,
  };

  it("accepts a paid, supported, 1-year product", () => {
    expect(productAutoRenewFailures(product, SUPPORTED)).toEqual([]);
  });

  it("refuses free, unsupported and multi-year products, naming each condition", () => {
    expect(productAutoRenewFailures({ ...product, source: "FREE" }, SUPPORTED)).toEqual(["NOT_PAID"]);
    expect(productAutoRenewFailures({ ...product, brand: "Sectigo" }, SUPPORTED)).toEqual(["BRAND_NOT_SUPPORTED"]);
    expect(productAutoRenewFailures({ ...product, certificateType: "OV" }, SUPPORTED)).toEqual(["TYPE_NOT_SUPPORTED"]);
    expect(productAutoRenewFailures({ ...product, domainType: "MULTI", validityYears: 2 }, SUPPORTED)).toEqual([
      "DOMAIN_TYPE_NOT_SUPPORTED",
      "NOT_ONE_YEAR",
    ]);
  });

  it("is the start of the certificate's own list", () => {
    const own = facts({ brand: "Sectigo", status: "PENDING_VALIDATION", expiresAt: null });
    expect(autoRenewEligibilityFailures(own, SUPPORTED, now)).toEqual([
      ...productAutoRenewFailures(own, SUPPORTED),
      "NOT_ISSUED",
    ]);
  });
});

describe("issuedCertificateExpiry: one validity rule for every issued certificate", () => {
  it("a renewal: the old expiry plus one calendar year, whenever it is issued", () => {
    expect(
      issuedCertificateExpiry({
        issuedAt: new Date("2021-10-01T00:00:00Z"),
        renewsExpiresAt: new Date("2021-11-01T00:00:00Z"),
        validityYears: 1,
      }),
    ).toEqual(new Date("2022-11-01T00:00:00Z"));
  });

  it("a new certificate: its validity in calendar years from issuance, Feb 29 → Feb 28", () => {
    const issuedAt = new Date("2028-02-29T09:30:00Z");
    expect(issuedCertificateExpiry({ issuedAt, renewsExpiresAt: null, validityYears: 1 })).toEqual(
      new Date("2029-02-28T09:30:00Z"),
    );
    expect(issuedCertificateExpiry({ issuedAt, renewsExpiresAt: null, validityYears: 2 })).toEqual(
      new Date("2030-02-28T09:30:00Z"),
    );
  });
});

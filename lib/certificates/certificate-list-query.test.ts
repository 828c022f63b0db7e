import { describe, expect, it } from "vitest";
import { parseCertificateListParams } from "@/lib/certificates/certificate-list-params";
import {
  AUTO_RENEW_FILTERS,
  certificateListQueryString,
  readCertificateListQuery,
  SORTS,
  STATUS_FILTERS,
} from "@/lib/certificates/certificate-list-query";
import { COMMON_BAD_VALUES, urlVariants } from "@/testing/url-variants";

const long = "x".repeat(201);

describe("readCertificateListQuery", () => {
  it("reads filters, sort and page from the URL", () => {
    expect(
      readCertificateListQuery(
        new URLSearchParams(
          "q=%20shop%20&status=ISSUED&brand=DNSPod&autoRenew=ON&expiring=1&sort=createdAt.desc&page=3&pageSize=50",
        ),
      ),
    ).toEqual({
      q: "shop",
      status: "ISSUED",
      brand: "DNSPod",
      autoRenew: "ON",
      expiring: true,
      sort: "createdAt.desc",
      page: 3,
      pageSize: 50,
    });
  });

  it("falls back to defaults for hand-edited values", () => {
    expect(
      readCertificateListQuery({ q: long, status: "STOLEN", expiring: "yes", sort: "price", page: "0", pageSize: "7" }),
    ).toEqual({ expiring: false, sort: "expiresAt.asc", page: 1, pageSize: 20 });
  });

  it("agrees with the server's zod schema on good and bad URLs", () => {
    const urls = urlVariants({
      q: ["example.com", " padded ", long, "x".repeat(200)],
      status: [...STATUS_FILTERS, "issued", "ALL"],
      brand: ["TrustAsia", "b".repeat(41), "b".repeat(40)],
      autoRenew: [...AUTO_RENEW_FILTERS, "on"],
      expiring: ["1", "0", "true"],
      sort: [...SORTS, "name"],
      page: ["1", "2", "100000", "100001", ...COMMON_BAD_VALUES],
      pageSize: ["10", "20", "50", "100", "25", ...COMMON_BAD_VALUES],
    });
    for (const url of urls) {
      expect(readCertificateListQuery(url), url.toString()).toEqual(parseCertificateListParams(url));
    }
  });

  it("round-trips through the query string, leaving out defaults", () => {
    const params = readCertificateListQuery({ status: "EXPIRED", expiring: "1", page: "2", pageSize: "100" });
    expect(certificateListQueryString(params)).toBe("status=EXPIRED&expiring=1&page=2&pageSize=100");
    expect(readCertificateListQuery(new URLSearchParams(certificateListQueryString(params)))).toEqual(params);
    expect(certificateListQueryString(readCertificateListQuery({}))).toBe("");
  });
});

import { describe, expect, it } from "vitest";
import { parseAdminCertificateListParams } from "@/lib/admin/admin-certificate-list-params";
import {
  adminCertificateListQueryString,
  readAdminCertificateListQuery,
} from "@/lib/admin/admin-certificate-list-query";
import { parseJobRunListParams } from "@/lib/admin/job-run-list-params";
import { readJobRunListQuery } from "@/lib/admin/job-run-list-query";
import { COMMON_BAD_VALUES, urlVariants } from "@/testing/url-variants";

describe("readAdminCertificateListQuery", () => {
  it("agrees with the server's zod schema on good and bad URLs", () => {
    const urls = urlVariants({
      owner: ["ann@example.com", " ann ", "o".repeat(201)],
      status: ["ISSUED", "nope"],
      q: ["shop", "q".repeat(201)],
      sort: ["expiresAt.desc", "owner"],
      page: ["2", ...COMMON_BAD_VALUES],
      pageSize: ["50", ...COMMON_BAD_VALUES],
    });
    for (const url of urls) {
      expect(readAdminCertificateListQuery(url), url.toString()).toEqual(parseAdminCertificateListParams(url));
    }
  });

  it("keeps the owner in the query string", () => {
    const params = readAdminCertificateListQuery({ owner: "ann@example.com", page: "2" });
    expect(adminCertificateListQueryString(params)).toBe("page=2&owner=ann%40example.com");
  });
});

describe("readJobRunListQuery", () => {
  it("agrees with the server's zod schema on good and bad URLs", () => {
    const urls = urlVariants({
      page: ["1", "4", "100000", "100001", ...COMMON_BAD_VALUES],
      pageSize: ["20", "50", "100", "10", ...COMMON_BAD_VALUES],
    });
    for (const url of urls) {
      expect(readJobRunListQuery(url), url.toString()).toEqual(parseJobRunListParams(url));
    }
  });
});

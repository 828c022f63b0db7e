import { describe, expect, it } from "vitest";
import { isAuthorizedCronRequest } from "@/lib/http/check-cron-authorization";

const secret = "s3cr3t-s3cr3t-s3cr3t-s3cr3t-s3cr3t-00";
const url = (query = "") => new URL(`https://certdesk.example/api/jobs/renewals${query}`);

describe("isAuthorizedCronRequest", () => {
  it("accepts exactly the bearer secret", () => {
    expect(isAuthorizedCronRequest(url(), `Bearer ${secret}`, secret)).toBe(true);
    expect(isAuthorizedCronRequest(url("?dryRun=1"), `Bearer ${secret}`, secret)).toBe(true);
  });

  it("refuses no header, another scheme, a wrong or truncated secret", () => {
    expect(isAuthorizedCronRequest(url(), null, secret)).toBe(false);
    expect(isAuthorizedCronRequest(url(), `Basic ${secret}`, secret)).toBe(false);
    expect(isAuthorizedCronRequest(url(), `Bearer ${secret.slice(0, -1)}`, secret)).toBe(false);
    expect(isAuthorizedCronRequest(url(), `Bearer ${secret}x`, secret)).toBe(false);
    expect(isAuthorizedCronRequest(url(), "Bearer ", secret)).toBe(false);
  });

  it("refuses the secret in the query string, with or without the header", () => {
    expect(isAuthorizedCronRequest(url(`?secret=${secret}`), null, secret)).toBe(false);
    expect(isAuthorizedCronRequest(url(`?secret=${secret}`), `Bearer ${secret}`, secret)).toBe(false);
    expect(isAuthorizedCronRequest(url(`?x=${secret}`), `Bearer ${secret}`, secret)).toBe(false);
    expect(isAuthorizedCronRequest(url("?token=anything"), `Bearer ${secret}`, secret)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { strictTransportSecurityFor } from "@/lib/http/strict-transport-security";

describe("strictTransportSecurityFor", () => {
  it("is sent by a production server reached over https, for two years with subdomains", () => {
    expect(strictTransportSecurityFor({ nodeEnv: "production", protocol: "https" })).toBe(
      "max-age=63072000; includeSubDomains",
    );
  });

  it("is never sent over plain http, nor outside production", () => {
    expect(strictTransportSecurityFor({ nodeEnv: "production", protocol: "http" })).toBeUndefined();
    expect(strictTransportSecurityFor({ nodeEnv: "development", protocol: "https" })).toBeUndefined();
    expect(strictTransportSecurityFor({ nodeEnv: "development", protocol: "http" })).toBeUndefined();
    expect(strictTransportSecurityFor({ nodeEnv: "test", protocol: "https" })).toBeUndefined();
  });
});

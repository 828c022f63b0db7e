import { describe, expect, it } from "vitest";
import { createWebhookTargetInputSchema, problemsByField } from "@/lib/deployment-targets/deployment-target-input";

const webhook = { name: "Edge hook", url: "https://hooks.example.com/deploy", includePrivateKey: false, endpoints: [] };

function problems(value: unknown) {
  const parsed = createWebhookTargetInputSchema.safeParse(value);
  return parsed.success ? {} : problemsByField(parsed.error.issues);
}

describe("the target forms' schemas", () => {
  it("names each problem at its field, as the forms show it", () => {
    expect(problems(webhook)).toEqual({});
    expect(problems({ ...webhook, name: "  " })).toEqual({ name: "NAME_REQUIRED" });
    expect(problems({ ...webhook, name: "x".repeat(101) })).toEqual({ name: "NAME_TOO_LONG" });
    expect(problems({ ...webhook, url: "http://hooks.example.com/" })).toEqual({ url: "URL_SCHEME" });
  });

  it("refuses a name that is not whole characters, which the audit log could not store", () => {
    expect(problems({ ...webhook, name: "a\uD800b" })).toEqual({ name: "NAME_INVALID" });
    expect(problems({ ...webhook, name: "证书 🔒" })).toEqual({});
  });
});

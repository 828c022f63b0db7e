import { describe, expect, it } from "vitest";
import { contentSecurityPolicyFor } from "@/lib/http/content-security-policy";

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((directive) => {
      const [name = "", ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe("contentSecurityPolicyFor", () => {
  const production = directives(
    contentSecurityPolicyFor({ nonce: "abc123==", nodeEnv: "production", protocol: "http" }),
  );

  it("runs scripts only with the nonce, or loaded by one that has it; never inline or eval", () => {
    expect(production.get("script-src")).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
  });

  it("locks down everything else", () => {
    expect(Object.fromEntries(production)).toEqual({
      "default-src": ["'self'"],
      "script-src": expect.any(Array),
      "style-src": ["'self'", "'unsafe-inline'"],
      "img-src": ["'self'", "data:", "blob:"],
      "font-src": ["'self'"],
      "connect-src": ["'self'"],
      "object-src": ["'none'"],
      "base-uri": ["'self'"],
      "form-action": ["'self'"],
      "frame-ancestors": ["'none'"],
    });
  });

  it("lets development's eval and hot-reload websocket through, in development only", () => {
    const development = directives(contentSecurityPolicyFor({ nonce: "n", nodeEnv: "development", protocol: "http" }));
    expect(development.get("script-src")).toContain("'unsafe-eval'");
    expect(development.get("connect-src")).toEqual(["'self'", "ws:", "wss:"]);
    for (const nodeEnv of ["production", "test"] as const) {
      const policy = contentSecurityPolicyFor({ nonce: "n", nodeEnv, protocol: "https" });
      expect(policy).not.toContain("unsafe-eval");
      expect(policy).not.toContain("ws:");
    }
  });

  it("upgrades insecure requests only on a page served over https", () => {
    expect(contentSecurityPolicyFor({ nonce: "n", nodeEnv: "production", protocol: "https" })).toMatch(
      /; upgrade-insecure-requests$/,
    );
    expect(production.has("upgrade-insecure-requests")).toBe(false);
  });
});

import { BlockList } from "node:net";
import { describe, expect, it } from "vitest";
import { checkWebhookHost, isPermittedAddress, isPublicAddress } from "@/lib/notifications/webhook-address-policy";
import { checkWebhookUrl, webhookOrigin } from "@/lib/notifications/webhook-url";

describe("isPublicAddress", () => {
  it("refuses loopback, private, link-local, metadata and reserved addresses", () => {
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "172.31.255.255",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "224.0.0.1",
      "255.255.255.255",
      "::1",
      "::",
      "fd00::1",
      "fe80::1",
      "::ffff:127.0.0.1",
      "::ffff:10.0.0.1",
      "64:ff9b::a00:1",
      "[::1]",
      "not-an-ip",
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });

  it("allows public addresses", () => {
    for (const address of ["93.184.216.34", "8.8.8.8", "172.32.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"]) {
      expect(isPublicAddress(address), address).toBe(true);
    }
  });
});

describe("isPermittedAddress", () => {
  const allowList = new BlockList();
  allowList.addSubnet("127.0.0.0", 8, "ipv4");
  allowList.addSubnet("fd00::", 8, "ipv6");

  it("allows public addresses whatever the permit", () => {
    for (const permit of [false, true, allowList]) expect(isPermittedAddress("8.8.8.8", permit)).toBe(true);
  });

  it("allows other addresses only when all are permitted or the allow-list holds them", () => {
    expect(isPermittedAddress("10.0.0.1", false)).toBe(false);
    expect(isPermittedAddress("10.0.0.1", true)).toBe(true);
    expect(isPermittedAddress("127.0.0.1", allowList)).toBe(true);
    expect(isPermittedAddress("::ffff:127.0.0.1", allowList)).toBe(true);
    expect(isPermittedAddress("fd00::5", allowList)).toBe(true);
    expect(isPermittedAddress("10.0.0.1", allowList)).toBe(false);
    expect(isPermittedAddress("::1", allowList)).toBe(false);
    expect(isPermittedAddress("169.254.169.254", allowList)).toBe(false);
  });
});

describe("checkWebhookHost", () => {
  it("refuses a literal private address unless private addresses are allowed", async () => {
    expect(await checkWebhookHost("127.0.0.1", false)).toEqual({ ok: false, problem: "PRIVATE_ADDRESS" });
    expect(await checkWebhookHost("[::1]", false)).toEqual({ ok: false, problem: "PRIVATE_ADDRESS" });
    expect(await checkWebhookHost("localhost", false)).toEqual({ ok: false, problem: "PRIVATE_ADDRESS" });
    expect(await checkWebhookHost("127.0.0.1", true)).toEqual({ ok: true });
    expect(await checkWebhookHost("8.8.8.8", false)).toEqual({ ok: true });
    const loopback = new BlockList();
    loopback.addSubnet("127.0.0.0", 8, "ipv4");
    expect(await checkWebhookHost("127.0.0.1", loopback)).toEqual({ ok: true });
    expect(await checkWebhookHost("10.0.0.1", loopback)).toEqual({ ok: false, problem: "PRIVATE_ADDRESS" });
  });

  it("says when a name does not resolve", async () => {
    expect(await checkWebhookHost("no-such-host.invalid", false)).toEqual({ ok: false, problem: "UNRESOLVABLE" });
  });
});

describe("checkWebhookUrl", () => {
  it("accepts https anywhere and http only to localhost", () => {
    expect(checkWebhookUrl("https://hooks.example.com/certdesk?token=1#x")).toMatchObject({ ok: true });
    const ok = checkWebhookUrl(" https://hooks.example.com/a#frag ");
    expect(ok.ok && ok.url.href).toBe("https://hooks.example.com/a");
    expect(checkWebhookUrl("http://localhost:8080/hook").ok).toBe(true);
    expect(checkWebhookUrl("http://127.0.0.1:8080/hook").ok).toBe(true);
    expect(checkWebhookUrl("http://hooks.example.com/")).toEqual({ ok: false, problem: "SCHEME" });
    expect(checkWebhookUrl("ftp://hooks.example.com/")).toEqual({ ok: false, problem: "SCHEME" });
    expect(checkWebhookUrl("https://user:pw@hooks.example.com/")).toEqual({ ok: false, problem: "CREDENTIALS" });
    expect(checkWebhookUrl("not a url")).toEqual({ ok: false, problem: "INVALID" });
    expect(checkWebhookUrl(`https://example.com/${"a".repeat(500)}`)).toEqual({ ok: false, problem: "TOO_LONG" });
  });

  it("keeps tokens in paths out of audit entries", () => {
    expect(webhookOrigin("https://hooks.example.com/services/T0/B0/secret")).toBe("https://hooks.example.com");
  });
});

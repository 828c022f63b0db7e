import { describe, expect, it } from "vitest";
import { parseAllowedNetworks, toAddressList } from "@/lib/deploy/parse-allowed-networks";

describe("parseAllowedNetworks", () => {
  it("is empty when unset or blank", () => {
    expect(parseAllowedNetworks(undefined)).toEqual({ ok: true, networks: [] });
    expect(parseAllowedNetworks(" , ")).toEqual({ ok: true, networks: [] });
  });

  it("reads IPv4 and IPv6 CIDRs, and a bare address as that one address", () => {
    expect(parseAllowedNetworks("192.168.10.0/24,[fd12::]/16 127.0.0.1")).toEqual({
      ok: true,
      networks: [
        { network: "192.168.10.0", prefix: 24, family: "ipv4" },
        { network: "fd12::", prefix: 16, family: "ipv6" },
        { network: "127.0.0.1", prefix: 32, family: "ipv4" },
      ],
    });
    expect(parseAllowedNetworks("::1")).toEqual({
      ok: true,
      networks: [{ network: "::1", prefix: 128, family: "ipv6" }],
    });
  });

  it("names every entry it cannot read", () => {
    expect(parseAllowedNetworks("10.0.0.0/8, 10.0.0.0/33, 300.1.1.1, fd00::/129, lan, 10.0.0.0/")).toEqual({
      ok: false,
      invalid: ["10.0.0.0/33", "300.1.1.1", "fd00::/129", "lan", "10.0.0.0/"],
    });
  });

  it("checks addresses against the networks", () => {
    const parsed = parseAllowedNetworks("10.20.0.0/16, fd00::/8");
    if (!parsed.ok) throw new Error("expected networks");
    const list = toAddressList(parsed.networks);
    expect(list.check("10.20.3.4", "ipv4")).toBe(true);
    expect(list.check("10.21.0.1", "ipv4")).toBe(false);
    expect(list.check("fd00::1", "ipv6")).toBe(true);
  });
});

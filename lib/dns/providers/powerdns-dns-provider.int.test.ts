// The PowerDNS provider against a real PowerDNS (Debian's pdns-server), reading back
// both through its API and through DNS.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lookupTxt } from "@/lib/dns/lookup-txt";
import { type DnsProvider, DnsProviderError } from "@/lib/dns/providers/dns-provider";
import { createPowerDnsProvider } from "@/lib/dns/providers/powerdns-dns-provider";
import { findFreePort } from "@/testing/servers/free-port";
import { type PowerDnsServer, startPowerDns } from "@/testing/servers/start-powerdns";

let pdns: PowerDnsServer;
let provider: DnsProvider;

beforeAll(async () => {
  pdns = await startPowerDns();
  provider = createPowerDnsProvider({ apiUrl: pdns.apiUrl, apiKey: pdns.apiKey, serverId: pdns.serverId });
});
afterAll(async () => {
  await pdns?.stop();
});

async function failure(promise: Promise<unknown>): Promise<DnsProviderError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DnsProviderError);
  return error as DnsProviderError;
}

const dns = (name: string) => lookupTxt(name, { resolver: pdns.dnsAddress });

describe("PowerDNS provider", () => {
  it("creates a zone with its name servers and an SOA naming the first, once", async () => {
    expect(await provider.zoneExists("shop-one.test")).toBe(false);
    const input = { name: "Shop-One.test", nameservers: ["ns1.certdesk.test", "ns2.certdesk.test"], ownerId: "u1" };
    expect(await provider.createZone(input)).toEqual({ created: true });
    expect(await provider.createZone(input)).toEqual({ created: false });
    expect(await provider.zoneExists("shop-one.test.")).toBe(true);
    const zone = (await pdns.api("GET", "/zones/shop-one.test.")) as {
      rrsets: { type: string; records: { content: string }[] }[];
    };
    const contents = (type: string) => zone.rrsets.find((rrset) => rrset.type === type)?.records.map((r) => r.content);
    expect(contents("NS")?.sort()).toEqual(["ns1.certdesk.test.", "ns2.certdesk.test."]);
    expect(contents("SOA")?.[0]).toMatch(
      /^ns1\.certdesk\.test\. hostmaster\.shop-one\.test\. \d+ 10800 3600 604800 60$/,
    );
  });

  it("keeps an apex's and a wildcard's values side by side, and removes one without the other", async () => {
    await provider.createZone({ name: "shop-two.test", nameservers: ["ns1.certdesk.test"], ownerId: "u1" });
    const name = "_acme-challenge.shop-two.test";
    await provider.addTxt(name, "apex-token");
    await provider.addTxt(name, "wildcard-token", 120);
    await provider.addTxt(name, "apex-token");
    expect((await provider.listTxt(name)).sort()).toEqual(["apex-token", "wildcard-token"]);
    expect((await dns(name)).sort()).toEqual(["apex-token", "wildcard-token"]);

    await provider.removeTxt(name, "apex-token");
    await provider.removeTxt(name, "apex-token");
    expect(await dns(name)).toEqual(["wildcard-token"]);
    await provider.removeTxt(name, "wildcard-token");
    expect(await dns(name)).toEqual([]);
    expect(await provider.listTxt(name)).toEqual([]);
  });

  it("adds values written at the same moment without losing one", async () => {
    await provider.createZone({ name: "shop-three.test", nameservers: ["ns1.certdesk.test"], ownerId: "u1" });
    const name = "_acme-challenge.shop-three.test";
    const values = ["one", "two", "three", "four"];
    await Promise.all(values.map((value) => provider.addTxt(name, value)));
    expect((await dns(name)).sort()).toEqual([...values].sort());
  });

  it("round-trips quotes, backslashes and values longer than one TXT string", async () => {
    await provider.createZone({ name: "shop-four.test", nameservers: ["ns1.certdesk.test"], ownerId: "u1" });
    const name = "deep.sub._acme-challenge.shop-four.test";
    const values = ['say "hi" \\ bye', "v".repeat(400)];
    for (const value of values) await provider.addTxt(name, value);
    expect((await provider.listTxt(name)).sort()).toEqual([...values].sort());
    expect((await dns(name)).sort()).toEqual([...values].sort());
  });

  it("says when no zone contains the name, and removing from nowhere is fine", async () => {
    const error = await failure(provider.addTxt("_acme-challenge.not-hosted.test", "v"));
    expect(error.code).toBe("ZONE_NOT_FOUND");
    expect(error.transient).toBe(false);
    await provider.removeTxt("_acme-challenge.not-hosted.test", "v");
    expect(await provider.listTxt("_acme-challenge.not-hosted.test")).toEqual([]);
  });

  it("reports PowerDNS's 422 with its reason (a TXT beside a CNAME)", async () => {
    await provider.createZone({ name: "shop-five.test", nameservers: ["ns1.certdesk.test"], ownerId: "u1" });
    await pdns.setRecords("shop-five.test", {
      name: "_acme-challenge.shop-five.test",
      type: "CNAME",
      contents: ["elsewhere.example."],
    });
    const error = await failure(provider.addTxt("_acme-challenge.shop-five.test", "v"));
    expect(error.code).toBe("INVALID_REQUEST");
    expect(error.message).toMatch(/answered 422 .*Conflicts with pre-existing RRset/);
  });

  it("reports a wrong API key as UNAUTHORIZED, naming the setting and not the key", async () => {
    const wrong = createPowerDnsProvider({ apiUrl: pdns.apiUrl, apiKey: "not-the-key", serverId: "localhost" });
    const error = await failure(wrong.zoneExists("shop-one.test"));
    expect(error.code).toBe("UNAUTHORIZED");
    expect(error.message).toMatch(/401.*POWERDNS_API_KEY/);
    expect(error.message).not.toContain("not-the-key");
    expect(wrong.describe()).not.toContain("not-the-key");
    expect(provider.describe()).not.toContain(pdns.apiKey);
  });

  it("reports a wrong server id as NOT_FOUND", async () => {
    const wrong = createPowerDnsProvider({ apiUrl: `${pdns.apiUrl}/api/v1/`, apiKey: pdns.apiKey, serverId: "other" });
    const error = await failure(wrong.zoneExists("shop-one.test"));
    expect(error.code).toBe("NOT_FOUND");
    expect(error.message).toMatch(/404.*POWERDNS_SERVER_ID/);
  });

  it("reports a server that is not there as UNREACHABLE, a transient failure", async () => {
    const port = await findFreePort();
    const away = createPowerDnsProvider({ apiUrl: `http://127.0.0.1:${port}`, apiKey: "k", serverId: "localhost" });
    const error = await failure(away.addTxt("_acme-challenge.shop-one.test", "v"));
    expect(error.code).toBe("UNREACHABLE");
    expect(error.transient).toBe(true);
  });
});

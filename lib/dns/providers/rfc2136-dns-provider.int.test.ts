// Our RFC 2136 + TSIG client against a real server: PowerDNS, with its TSIG keys and
// TSIG-ALLOW-DNSUPDATE set up through its API as an operator would.
import { createSocket } from "node:dgram";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemNow } from "@/lib/clock";
import { lookupTxt } from "@/lib/dns/lookup-txt";
import { type DnsProvider, DnsProviderError } from "@/lib/dns/providers/dns-provider";
import { createRfc2136Provider, type Rfc2136Settings } from "@/lib/dns/providers/rfc2136-dns-provider";
import { parseReply } from "@/lib/dns/providers/rfc2136-message";
import { findFreePort } from "@/testing/servers/free-port";
import { type PowerDnsServer, startPowerDns } from "@/testing/servers/start-powerdns";

let pdns: PowerDnsServer;
let settings: Rfc2136Settings;
let provider: DnsProvider;
let sha512Secret: string;
const ZONE = "updates.test";

beforeAll(async () => {
  pdns = await startPowerDns();
  await pdns.createZone(ZONE);
  await pdns.createZone("locked.test");
  const secret = await pdns.createTsigKey("certdesk-key", "hmac-sha256");
  sha512Secret = await pdns.createTsigKey("certdesk-key512", "hmac-sha512");
  await pdns.allowUpdates(ZONE, ["certdesk-key", "certdesk-key512"]);
  // locked.test takes updates from another key only.
  await pdns.createTsigKey("other-key", "hmac-sha256");
  await pdns.allowUpdates("locked.test", ["other-key"]);
  settings = { server: pdns.dnsAddress, tsigKeyName: "certdesk-key", tsigSecret: secret, tsigAlgorithm: "hmac-sha256" };
  provider = createRfc2136Provider(settings, systemNow);
});
afterAll(async () => {
  await pdns?.stop();
});

const dns = (name: string) => lookupTxt(name, { resolver: pdns.dnsAddress });

/**
 * A man in the middle on UDP: passes queries to PowerDNS and its answers back, but
 * strips the TSIG record from answers to updates, as a forger of "NOERROR" would have to.
 */
async function startSignatureStrippingProxy(): Promise<{ address: string; close(): Promise<void> }> {
  const front = createSocket("udp4");
  const back = createSocket("udp4");
  const askers = new Map<number, { port: number; address: string }>();
  front.on("message", (query, from) => {
    askers.set(query.readUInt16BE(0), from);
    back.send(query, pdns.dnsPort, "127.0.0.1");
  });
  back.on("message", (answer) => {
    const asker = askers.get(answer.readUInt16BE(0));
    if (!asker) return;
    const { opcode, tsig } = parseReply(answer);
    let forwarded = answer;
    if (opcode === 5 && tsig) {
      forwarded = Buffer.from(answer.subarray(0, tsig.offset));
      forwarded.writeUInt16BE(forwarded.readUInt16BE(10) - 1, 10);
    }
    front.send(forwarded, asker.port, asker.address);
  });
  await new Promise<void>((resolve) => back.bind(0, "127.0.0.1", resolve));
  await new Promise<void>((resolve) => front.bind(0, "127.0.0.1", resolve));
  return {
    address: `127.0.0.1:${front.address().port}`,
    close: async () => {
      await new Promise<void>((resolve) => front.close(() => resolve()));
      await new Promise<void>((resolve) => back.close(() => resolve()));
    },
  };
}

async function failure(promise: Promise<unknown>): Promise<DnsProviderError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DnsProviderError);
  return error as DnsProviderError;
}

describe("RFC 2136 provider with TSIG", () => {
  it("adds values beside each other and removes one, through signed updates the server verifies", async () => {
    const name = `_acme-challenge.${ZONE}`;
    await provider.addTxt(name, "apex-token");
    await provider.addTxt(name, "wildcard-token");
    await provider.addTxt(name, "apex-token");
    expect((await dns(name)).sort()).toEqual(["apex-token", "wildcard-token"]);
    expect((await provider.listTxt(name)).sort()).toEqual(["apex-token", "wildcard-token"]);
    await provider.removeTxt(name, "apex-token");
    expect(await dns(name)).toEqual(["wildcard-token"]);
    await provider.removeTxt(name, "wildcard-token");
    await provider.removeTxt(name, "wildcard-token");
    expect(await dns(name)).toEqual([]);
  });

  it("signs with hmac-sha512 too", async () => {
    const sha512 = createRfc2136Provider(
      { ...settings, tsigKeyName: "certdesk-key512", tsigSecret: sha512Secret, tsigAlgorithm: "hmac-sha512" },
      systemNow,
    );
    await sha512.addTxt(`sha512._acme-challenge.${ZONE}`, "from-sha512");
    expect(await dns(`sha512._acme-challenge.${ZONE}`)).toEqual(["from-sha512"]);
  });

  it("sends an update too large for UDP over TCP", async () => {
    const value = "t".repeat(600);
    await provider.addTxt(`big._acme-challenge.${ZONE}`, value);
    expect(await dns(`big._acme-challenge.${ZONE}`)).toEqual([value]);
  });

  it("reports a wrong secret as refused and writes nothing", async () => {
    const wrong = createRfc2136Provider({ ...settings, tsigSecret: Buffer.alloc(64, 7).toString("base64") }, systemNow);
    const name = `wrong-key._acme-challenge.${ZONE}`;
    const error = await failure(wrong.addTxt(name, "must-not-appear"));
    expect(error.code).toBe("REFUSED");
    expect(error.transient).toBe(false);
    expect(error.message).toMatch(/answered REFUSED to the update of updates\.test/);
    expect(error.message).not.toContain(settings.tsigSecret);
    expect(await dns(name)).toEqual([]);
  });

  it("reports an unknown key, and a key the zone does not allow, as refused", async () => {
    const unknown = createRfc2136Provider({ ...settings, tsigKeyName: "nobody-key" }, systemNow);
    expect((await failure(unknown.addTxt(`x._acme-challenge.${ZONE}`, "v"))).code).toBe("REFUSED");
    expect((await failure(provider.addTxt("_acme-challenge.locked.test", "v"))).code).toBe("REFUSED");
    expect(await dns("_acme-challenge.locked.test")).toEqual([]);
  });

  it("finds zones by their SOA, and says when the server has none for the name", async () => {
    expect(await provider.zoneExists(ZONE)).toBe(true);
    expect(await provider.zoneExists(`sub.${ZONE}`)).toBe(false);
    expect(await provider.zoneExists("elsewhere.test")).toBe(false);
    expect((await failure(provider.addTxt("_acme-challenge.elsewhere.test", "v"))).code).toBe("ZONE_NOT_FOUND");
  });

  it("cannot create zones, and says what to do instead", async () => {
    const error = await failure(provider.createZone({ name: "new.test", nameservers: ["ns1.x.test"], ownerId: "u" }));
    expect(error.code).toBe("UNSUPPORTED");
    expect(error.message).toMatch(/create new\.test on .* and allow the key certdesk-key/);
    expect(provider.describe()).toBe(`RFC 2136 server ${pdns.dnsAddress} (TSIG key certdesk-key, hmac-sha256)`);
  });

  it("does not trust a NOERROR whose signature is missing", async () => {
    const proxy = await startSignatureStrippingProxy();
    try {
      const behindProxy = createRfc2136Provider({ ...settings, server: proxy.address }, systemNow);
      const error = await failure(behindProxy.addTxt(`proxied._acme-challenge.${ZONE}`, "v"));
      expect(error.code).toBe("BAD_RESPONSE");
      expect(error.message).toMatch(/NOERROR cannot be trusted: the reply carries no TSIG record/);
    } finally {
      await proxy.close();
    }
  });

  it("reports a server that is not there as UNREACHABLE", async () => {
    const away = createRfc2136Provider(
      { ...settings, server: `127.0.0.1:${await findFreePort({ udp: true })}`, timeoutMs: 300 },
      systemNow,
    );
    const error = await failure(away.addTxt(`_acme-challenge.${ZONE}`, "v"));
    expect(error.code).toBe("UNREACHABLE");
    expect(error.transient).toBe(true);
  });
});

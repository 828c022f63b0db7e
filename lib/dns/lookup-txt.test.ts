// Real lookups over the loopback interface against the local authoritative server:
// no database, no outside network.
import { createSocket, type Socket } from "node:dgram";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DnsLookupError, lookupTxt } from "@/lib/dns/lookup-txt";
import { LocalDnsServer } from "@/testing/local-dns-server";

const dns = new LocalDnsServer();
let resolver: string;

beforeAll(async () => {
  resolver = await dns.start();
});
afterAll(() => dns.close());
beforeEach(() => dns.clear());

async function lookupError(promise: Promise<unknown>): Promise<DnsLookupError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DnsLookupError);
  return error as DnsLookupError;
}

describe("lookupTxt", () => {
  it("finds a TXT record that exists", async () => {
    dns.addRecord({ name: "_dnsauth.www.example.net", type: "TXT", value: "token-1" });
    expect(await lookupTxt("_dnsauth.www.example.net", { resolver })).toEqual(["token-1"]);
  });

  it("matches names case-insensitively and with a trailing dot", async () => {
    dns.addRecord({ name: "_dnsauth.Example.NET.", type: "TXT", value: "token-2" });
    expect(await lookupTxt("_DNSAUTH.example.net.", { resolver })).toEqual(["token-2"]);
  });

  it("answers an empty list for a name that does not exist (NXDOMAIN)", async () => {
    expect(await lookupTxt("_dnsauth.nobody.example.net", { resolver })).toEqual([]);
  });

  it("answers an empty list for a name with no TXT records (NODATA)", async () => {
    dns.addRecord({ name: "www.example.net", type: "A", value: "192.0.2.10" });
    expect(await lookupTxt("www.example.net", { resolver })).toEqual([]);
  });

  it("returns every TXT record, joining each record's strings", async () => {
    dns.addRecord({ name: "_dnsauth.example.net", type: "TXT", value: "first" });
    dns.addRecord({ name: "_dnsauth.example.net", type: "TXT", value: "second" });
    dns.addRecord({ name: "_dnsauth.example.net", type: "TXT", value: ["v=spf1 ", "include:example.org ~all"] });
    expect((await lookupTxt("_dnsauth.example.net", { resolver })).sort()).toEqual([
      "first",
      "second",
      "v=spf1 include:example.org ~all",
    ]);
  });

  it("sees records added and removed at run time", async () => {
    const name = "_dnsauth.late.example.net";
    expect(await lookupTxt(name, { resolver })).toEqual([]);
    dns.addRecord({ name, type: "TXT", value: "now-there" });
    expect(await lookupTxt(name, { resolver })).toEqual(["now-there"]);
    expect(dns.removeRecord({ name, type: "TXT", value: "now-there" })).toBe(1);
    expect(await lookupTxt(name, { resolver })).toEqual([]);
  });

  it("gets answers too large for UDP over TCP", async () => {
    const values = Array.from({ length: 12 }, (_, index) => `${index}-${"x".repeat(60)}`);
    for (const value of values) dns.addRecord({ name: "big.example.net", type: "TXT", value });
    dns.addRecord({ name: "big.example.net", type: "TXT", value: "y".repeat(600) });
    const answer = await lookupTxt("big.example.net", { resolver });
    expect(answer.sort()).toEqual([...values, "y".repeat(600)].sort());
  });

  it("reports a server failure as SERVER_FAILURE, not as an absent record", async () => {
    dns.failWith("_dnsauth.broken.example.net", "SERVFAIL");
    const error = await lookupError(lookupTxt("_dnsauth.broken.example.net", { resolver }));
    expect(error.code).toBe("SERVER_FAILURE");
  });

  it("reports a refusal as REFUSED", async () => {
    dns.failWith("_dnsauth.refused.example.net", "REFUSED");
    expect((await lookupError(lookupTxt("_dnsauth.refused.example.net", { resolver }))).code).toBe("REFUSED");
  });

  it("rejects a malformed resolver setting", async () => {
    expect((await lookupError(lookupTxt("example.net", { resolver: "127.0.0.1:99999" }))).code).toBe("BAD_RESOLVER");
    expect((await lookupError(lookupTxt("example.net", { resolver: "a b:53" }))).code).toBe("BAD_RESOLVER");
  });

  describe("against a server that never answers", () => {
    let silent: Socket;
    let silentResolver: string;

    beforeAll(async () => {
      // Bound but mute: queries are received and dropped, so only the timeout can end them.
      silent = createSocket("udp4");
      await new Promise<void>((resolve) => silent.bind(0, "127.0.0.1", resolve));
      silentResolver = `127.0.0.1:${silent.address().port}`;
    });
    afterAll(() => new Promise<void>((resolve) => silent.close(() => resolve())));

    it("gives up after timeoutMs with TIMEOUT", async () => {
      const started = performance.now();
      const error = await lookupError(lookupTxt("_dnsauth.example.net", { resolver: silentResolver, timeoutMs: 200 }));
      const elapsed = performance.now() - started;
      expect(error.code).toBe("TIMEOUT");
      expect(error.queriedName).toBe("_dnsauth.example.net");
      expect(elapsed).toBeGreaterThanOrEqual(150);
      expect(elapsed).toBeLessThan(2_000);
    });
  });
});

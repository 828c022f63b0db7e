// The pre-check's lookup against a real authoritative server (PowerDNS): finding a
// zone's name servers from its NS records and their addresses, asking them directly,
// following the _acme-challenge CNAME delegation into another zone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DnsLookupError } from "@/lib/dns/lookup-txt";
import { lookupTxtAtAuthoritative } from "@/lib/dns/lookup-txt-at-authoritative";
import { findFreePort } from "@/testing/servers/free-port";
import { type PowerDnsServer, startPowerDns } from "@/testing/servers/start-powerdns";

let pdns: PowerDnsServer;
let search: { server: null; recursiveResolver: string; nameserverPort: number; timeoutMs: number };

beforeAll(async () => {
  pdns = await startPowerDns();
  // PowerDNS answers for both zones; their NS names have addresses in the zones
  // themselves, and the tests reach them on PowerDNS's port.
  await pdns.createZone("customer.test", [
    { name: "ns1.customer.test", type: "A", contents: ["127.0.0.1"] },
    { name: "_acme-challenge.customer.test", type: "TXT", contents: ['"apex-token"', '"wildcard-token"'] },
    { name: "_acme-challenge.shop.customer.test", type: "CNAME", contents: ["shop-7f3a.validation.test."] },
  ]);
  await pdns.createZone("validation.test", [
    { name: "ns1.validation.test", type: "A", contents: ["127.0.0.1"] },
    { name: "shop-7f3a.validation.test", type: "TXT", contents: ['"delegated-token"'] },
  ]);
  search = { server: null, recursiveResolver: pdns.dnsAddress, nameserverPort: pdns.dnsPort, timeoutMs: 2000 };
});
afterAll(async () => {
  await pdns?.stop();
});

describe("lookupTxtAtAuthoritative", () => {
  it("finds the zone's name servers and reads the values from them", async () => {
    const answer = await lookupTxtAtAuthoritative("_ACME-challenge.customer.test.", search);
    expect(answer).toMatchObject({
      name: "_acme-challenge.customer.test",
      cnames: [],
      zone: "customer.test",
      servers: [`127.0.0.1:${pdns.dnsPort}`],
      unansweredServers: [],
    });
    expect(answer.values.sort()).toEqual(["apex-token", "wildcard-token"]);
  });

  it("follows the CNAME delegation into the operator's validation zone", async () => {
    const answer = await lookupTxtAtAuthoritative("_acme-challenge.shop.customer.test", search);
    expect(answer).toMatchObject({
      name: "shop-7f3a.validation.test",
      cnames: ["_acme-challenge.shop.customer.test"],
      zone: "validation.test",
      values: ["delegated-token"],
    });
  });

  it("answers no values for a record that is not there yet, then sees it once written", async () => {
    const name = "_acme-challenge.later.customer.test";
    expect((await lookupTxtAtAuthoritative(name, search)).values).toEqual([]);
    await pdns.setRecords("customer.test", { name, type: "TXT", contents: ['"late-token"'] });
    expect((await lookupTxtAtAuthoritative(name, search)).values).toEqual(["late-token"]);
  });

  it("counts only values every name server has, and names the servers that did not answer", async () => {
    // A second name server for the zone, on 127.0.0.2, that has only one of the two values so far.
    const lagging = await startPowerDns({ localAddress: "127.0.0.2", dnsPort: pdns.dnsPort });
    try {
      await lagging.createZone("customer.test", [
        { name: "_acme-challenge.customer.test", type: "TXT", contents: ['"apex-token"'] },
      ]);
      await pdns.setRecords("customer.test", {
        name: "customer.test",
        type: "NS",
        contents: ["ns1.customer.test.", "ns2.customer.test."],
      });
      await pdns.setRecords("customer.test", { name: "ns2.customer.test", type: "A", contents: ["127.0.0.2"] });
      const partly = await lookupTxtAtAuthoritative("_acme-challenge.customer.test", search);
      expect([...partly.servers].sort()).toEqual([`127.0.0.1:${pdns.dnsPort}`, `127.0.0.2:${pdns.dnsPort}`]);
      expect(partly.unansweredServers).toEqual([]);
      expect(partly.values).toEqual(["apex-token"]);

      // Silence is not absence: with the second server down, the first one's values count.
      await lagging.stop();
      const oneDown = await lookupTxtAtAuthoritative("_acme-challenge.customer.test", search);
      expect(oneDown.unansweredServers).toEqual([`127.0.0.2:${pdns.dnsPort}`]);
      expect(oneDown.values.sort()).toEqual(["apex-token", "wildcard-token"]);
    } finally {
      await lagging.stop();
      await pdns.setRecords("customer.test", { name: "customer.test", type: "NS", contents: ["ns1.customer.test."] });
    }
  });

  it("with a server override, asks only that server", async () => {
    const answer = await lookupTxtAtAuthoritative("_acme-challenge.shop.customer.test", { server: pdns.dnsAddress });
    expect(answer).toMatchObject({ zone: null, servers: [pdns.dnsAddress], values: ["delegated-token"] });
  });

  it("throws DnsLookupError when no authoritative server can be asked", async () => {
    const silent = `127.0.0.1:${await findFreePort({ udp: true })}`;
    const error = await lookupTxtAtAuthoritative("_acme-challenge.customer.test", {
      server: silent,
      timeoutMs: 300,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DnsLookupError);
    const noZone = await lookupTxtAtAuthoritative("_acme-challenge.nowhere.invalid", search).catch(
      (caught: unknown) => caught,
    );
    expect(noZone).toBeInstanceOf(DnsLookupError);
  });
});

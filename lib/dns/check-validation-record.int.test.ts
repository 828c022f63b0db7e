import { createSocket, type Socket } from "node:dgram";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db/client";
import { addHostedValidationRecord } from "@/lib/dns/add-hosted-validation-record";
import { checkValidationRecord } from "@/lib/dns/check-validation-record";
import { DnsLookupError } from "@/lib/dns/lookup-txt";
import { createValidationRecord } from "@/lib/dns/validation-record";
import { createTestUser, TEST_NOW } from "@/testing/factories";
import { LocalDnsServer } from "@/testing/local-dns-server";

const dns = new LocalDnsServer();
let mute: Socket;
/** A resolver that receives queries and never answers: any lookup through it times out. */
let muteResolver: string;

beforeAll(async () => {
  const address = await dns.start();
  // Production reads DNS_RESOLVER through getConfig(); set it before anything reads the config.
  process.env.DNS_RESOLVER = address;
  mute = createSocket("udp4");
  await new Promise<void>((resolve) => mute.bind(0, "127.0.0.1", resolve));
  muteResolver = `127.0.0.1:${mute.address().port}`;
});
afterAll(async () => {
  await dns.close();
  await new Promise<void>((resolve) => mute.close(() => resolve()));
});
beforeEach(() => dns.clear());

let zoneCounter = 0;
async function hostedZone(ownerId: string, prefix = "hosted") {
  zoneCounter += 1;
  return db.hostedZone.create({
    data: { ownerId, name: `${prefix}${zoneCounter}.example-shop.test`, createdAt: TEST_NOW },
  });
}

describe("checkValidationRecord", () => {
  it("answers a name in a hosted zone from the zone data, without touching the network", async () => {
    const owner = await createTestUser();
    const zone = await hostedZone(owner.id);
    const record = createValidationRecord(`*.${zone.name}`);
    await db.dnsRecord.create({
      data: { zoneId: zone.id, name: record.name, type: "TXT", value: "someone-else's-token", createdAt: TEST_NOW },
    });

    const before = await checkValidationRecord({ name: record.name, value: record.value, resolver: muteResolver });
    expect(before).toEqual({ found: false, source: "hosted-zone", values: ["someone-else's-token"] });

    await db.dnsRecord.create({
      data: { zoneId: zone.id, name: record.name, type: "TXT", value: record.value, createdAt: TEST_NOW },
    });
    const after = await checkValidationRecord({
      name: record.name.toUpperCase(),
      value: record.value,
      ownerId: owner.id,
      resolver: muteResolver,
      timeoutMs: 100,
    });
    expect(after).toMatchObject({ found: true, source: "hosted-zone" });
    expect(after.values.sort()).toEqual(["someone-else's-token", record.value].sort());
  });

  it("ignores records of other types and of other zones", async () => {
    const owner = await createTestUser();
    const zone = await hostedZone(owner.id);
    const nested = await db.hostedZone.create({
      data: { ownerId: owner.id, name: `shop.${zone.name}`, createdAt: TEST_NOW },
    });
    const record = createValidationRecord(`www.shop.${zone.name}`);
    // Same name, but in the parent zone: the nested zone is authoritative for it.
    await db.dnsRecord.create({ data: { zoneId: zone.id, name: record.name, type: "TXT", value: record.value } });
    await db.dnsRecord.create({ data: { zoneId: nested.id, name: record.name, type: "CNAME", value: record.value } });
    const result = await checkValidationRecord({ name: record.name, value: record.value, resolver: muteResolver });
    expect(result).toEqual({ found: false, source: "hosted-zone", values: [] });
  });

  it("looks up a third-party domain at the given resolver", async () => {
    const record = createValidationRecord("www.customer-site.test");
    const resolver = dns.address;
    expect(await checkValidationRecord({ name: record.name, value: record.value, resolver })).toEqual({
      found: false,
      source: "dns",
      values: [],
    });
    dns.addRecord({ name: record.name, type: "TXT", value: "stale-token" });
    expect(await checkValidationRecord({ name: record.name, value: record.value, resolver })).toEqual({
      found: false,
      source: "dns",
      values: ["stale-token"],
    });
    dns.addRecord({ name: record.name, type: "TXT", value: record.value });
    const found = await checkValidationRecord({ name: record.name, value: record.value, resolver });
    expect(found.found).toBe(true);
    expect(found.source).toBe("dns");
    expect(found.values.sort()).toEqual(["stale-token", record.value].sort());
  });

  it("uses DNS_RESOLVER from the configuration when no resolver is given", async () => {
    expect(getConfig().dnsResolver).toBe(dns.address);
    const record = createValidationRecord("*.configured.test");
    dns.addRecord({ name: record.name, type: "TXT", value: record.value });
    expect(await checkValidationRecord({ name: record.name, value: record.value })).toEqual({
      found: true,
      source: "dns",
      values: [record.value],
    });
  });

  it("with an owner, asks DNS about names in another customer's zone", async () => {
    const owner = await createTestUser();
    const stranger = await createTestUser();
    const zone = await hostedZone(stranger.id);
    const record = createValidationRecord(`www.${zone.name}`);
    await db.dnsRecord.create({ data: { zoneId: zone.id, name: record.name, type: "TXT", value: record.value } });
    const resolver = dns.address;

    expect(await checkValidationRecord({ name: record.name, value: record.value, resolver })).toMatchObject({
      found: true,
      source: "hosted-zone",
    });
    expect(
      await checkValidationRecord({ name: record.name, value: record.value, ownerId: owner.id, resolver }),
    ).toEqual({ found: false, source: "dns", values: [] });
  });

  it("does not match a zone across a label boundary", async () => {
    const owner = await createTestUser();
    const zone = await hostedZone(owner.id);
    const record = createValidationRecord(`www.bad${zone.name}`);
    const result = await checkValidationRecord({ name: record.name, value: record.value, resolver: dns.address });
    expect(result.source).toBe("dns");
  });

  it("throws DnsLookupError when the DNS cannot answer, rather than reporting the record absent", async () => {
    const record = createValidationRecord("www.unreachable.test");
    const error = await checkValidationRecord({
      name: record.name,
      value: record.value,
      resolver: muteResolver,
      timeoutMs: 150,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DnsLookupError);
    expect((error as DnsLookupError).code).toBe("TIMEOUT");
  });
});

describe("addHostedValidationRecord", () => {
  it("adds the record to the owner's most specific zone, once however often it is called", async () => {
    const owner = await createTestUser();
    const zone = await hostedZone(owner.id);
    const nested = await db.hostedZone.create({
      data: { ownerId: owner.id, name: `shop.${zone.name}`, createdAt: TEST_NOW },
    });
    const record = createValidationRecord(`*.shop.${zone.name}`);
    const input = { ownerId: owner.id, ...record, now: TEST_NOW };

    expect(await addHostedValidationRecord(input)).toEqual({ zoneId: nested.id, zoneName: nested.name, created: true });
    expect(await addHostedValidationRecord(input)).toEqual({
      zoneId: nested.id,
      zoneName: nested.name,
      created: false,
    });
    await Promise.all([addHostedValidationRecord(input), addHostedValidationRecord(input)]);

    const rows = await db.dnsRecord.findMany({ where: { name: record.name } });
    expect(rows).toMatchObject([
      { zoneId: nested.id, type: "TXT", value: record.value, ttl: 600, createdAt: TEST_NOW },
    ]);
    expect(await checkValidationRecord({ name: record.name, value: record.value, ownerId: owner.id })).toEqual({
      found: true,
      source: "hosted-zone",
      values: [record.value],
    });
  });

  it("keeps a second token for the same name beside the first", async () => {
    const owner = await createTestUser();
    const zone = await hostedZone(owner.id);
    const apex = createValidationRecord(zone.name);
    const wildcard = createValidationRecord(`*.${zone.name}`);
    expect(apex.name).toBe(wildcard.name);
    await addHostedValidationRecord({ ownerId: owner.id, ...apex, now: TEST_NOW });
    await addHostedValidationRecord({ ownerId: owner.id, ...wildcard, now: TEST_NOW });
    const result = await checkValidationRecord({ name: apex.name, value: wildcard.value });
    expect(result.found).toBe(true);
    expect(result.values.sort()).toEqual([apex.value, wildcard.value].sort());
  });

  it("returns null, adding nothing, when the owner hosts no zone for the name", async () => {
    const owner = await createTestUser();
    const stranger = await createTestUser();
    const strangersZone = await hostedZone(stranger.id);
    const record = createValidationRecord(`www.${strangersZone.name}`);
    expect(await addHostedValidationRecord({ ownerId: owner.id, ...record, now: TEST_NOW })).toBeNull();
    const thirdParty = createValidationRecord("www.not-hosted.test");
    expect(await addHostedValidationRecord({ ownerId: owner.id, ...thirdParty, now: TEST_NOW })).toBeNull();
    expect(await db.dnsRecord.count({ where: { name: { in: [record.name, thirdParty.name] } } })).toBe(0);
  });

  it("writes inside the caller's transaction, so a rollback removes it", async () => {
    const owner = await createTestUser();
    const zone = await hostedZone(owner.id);
    const record = createValidationRecord(`www.${zone.name}`);
    const rollback = new Error("roll back");
    const outcome = await db
      .$transaction(async (tx) => {
        expect(await addHostedValidationRecord({ ownerId: owner.id, ...record, now: TEST_NOW }, tx)).toMatchObject({
          created: true,
        });
        expect(await tx.dnsRecord.count({ where: { name: record.name } })).toBe(1);
        throw rollback;
      })
      .catch((error: unknown) => error);
    expect(outcome).toBe(rollback);
    expect(await db.dnsRecord.count({ where: { name: record.name } })).toBe(0);
  });
});

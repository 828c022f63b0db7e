// The zero-configuration provider: zones and records as database rows, which the
// existing validation check reads.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { checkValidationRecord } from "@/lib/dns/check-validation-record";
import { createDemoDnsProvider } from "@/lib/dns/providers/demo-dns-provider";
import { DnsProviderError } from "@/lib/dns/providers/dns-provider";
import { createTestUser, TEST_NOW } from "@/testing/factories";

const provider = createDemoDnsProvider(async () => TEST_NOW);

describe("demo DNS provider", () => {
  it("creates a zone for its owner once", async () => {
    const owner = await createTestUser();
    const input = { name: "Demo-Shop.test", nameservers: ["ns1.certdesk.localhost"], ownerId: owner.id };
    expect(await provider.zoneExists("demo-shop.test")).toBe(false);
    expect(await provider.createZone(input)).toEqual({ created: true });
    expect(await provider.createZone(input)).toEqual({ created: false });
    expect(await provider.zoneExists("demo-shop.test.")).toBe(true);
    expect(await db.hostedZone.findMany({ where: { name: "demo-shop.test" } })).toMatchObject([
      { ownerId: owner.id, createdAt: TEST_NOW },
    ]);
  });

  it("adds an apex's and a wildcard's values side by side, which the validation check sees", async () => {
    const owner = await createTestUser();
    await provider.createZone({ name: "demo-two.test", nameservers: [], ownerId: owner.id });
    const name = "_acme-challenge.demo-two.test";
    await provider.addTxt(name, "apex-token");
    await provider.addTxt(name, "wildcard-token");
    await provider.addTxt(name, "apex-token");
    expect(await provider.listTxt(name)).toEqual(["apex-token", "wildcard-token"]);
    expect(await checkValidationRecord({ name, value: "wildcard-token", ownerId: owner.id })).toMatchObject({
      found: true,
      source: "hosted-zone",
    });
    await provider.removeTxt(name, "apex-token");
    await provider.removeTxt(name, "apex-token");
    expect(await provider.listTxt(name)).toEqual(["wildcard-token"]);
    expect(await db.dnsRecord.findMany({ where: { name }, select: { value: true, ttl: true } })).toEqual([
      { value: "wildcard-token", ttl: 60 },
    ]);
  });

  it("says when no hosted zone contains the name", async () => {
    const error = await provider.addTxt("_acme-challenge.not-hosted.test", "v").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DnsProviderError);
    expect((error as DnsProviderError).code).toBe("ZONE_NOT_FOUND");
    expect(await provider.listTxt("_acme-challenge.not-hosted.test")).toEqual([]);
    await provider.removeTxt("_acme-challenge.not-hosted.test", "v");
  });
});

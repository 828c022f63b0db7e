import { describe, expect, it } from "vitest";
import { deployAddressPermit, resolveDeployAddress } from "@/lib/deploy/deploy-address-policy";

const loopback = [{ network: "127.0.0.1", prefix: 32, family: "ipv4" as const }];

describe("deployAddressPermit", () => {
  it("permits every address in DEMO_MODE, none without an allow-list, the listed networks otherwise", async () => {
    const demo = deployAddressPermit({ demoMode: true, deployAllowedNetworks: [] });
    const none = deployAddressPermit({ demoMode: false, deployAllowedNetworks: [] });
    const listed = deployAddressPermit({ demoMode: false, deployAllowedNetworks: loopback });
    expect(await resolveDeployAddress("127.0.0.1", demo)).toEqual({ ok: true, address: "127.0.0.1" });
    expect(await resolveDeployAddress("127.0.0.1", none)).toMatchObject({
      ok: false,
      failure: { reason: "ADDRESS_REFUSED" },
    });
    expect(await resolveDeployAddress("127.0.0.1", listed)).toEqual({ ok: true, address: "127.0.0.1" });
    expect(await resolveDeployAddress("127.0.0.2", listed)).toMatchObject({
      ok: false,
      failure: { reason: "ADDRESS_REFUSED" },
    });
    expect(await resolveDeployAddress("10.1.2.3", listed)).toMatchObject({
      ok: false,
      failure: { reason: "ADDRESS_REFUSED" },
    });
  });

  it("lets public addresses through and names hosts that do not resolve", async () => {
    const none = deployAddressPermit({ demoMode: false, deployAllowedNetworks: [] });
    expect(await resolveDeployAddress("203.0.114.7", none)).toEqual({ ok: true, address: "203.0.114.7" });
    expect(await resolveDeployAddress("[2606:4700::1111]", none)).toEqual({ ok: true, address: "2606:4700::1111" });
    expect(await resolveDeployAddress("no-such-host.invalid", none)).toEqual({
      ok: false,
      failure: { reason: "UNREACHABLE", message: "no-such-host.invalid does not resolve" },
    });
  });

  it("tells the operator how to allow a refused network", async () => {
    const refused = await resolveDeployAddress("localhost", false);
    expect(refused).toMatchObject({
      ok: false,
      failure: { message: expect.stringMatching(/DEPLOY_ALLOWED_NETWORKS/) },
    });
  });
});

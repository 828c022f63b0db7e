// The real servers an ACME integration test needs, wired as in production: PowerDNS is
// the authoritative DNS and Pebble validates DNS-01 by asking it.
import type { AcmeCaSettings } from "@/lib/acme/acme-types";
import { type PebbleServer, startPebble } from "@/testing/servers/start-pebble";
import { type PowerDnsServer, startPowerDns } from "@/testing/servers/start-powerdns";

export type AcmeTestEnvironment = {
  pdns: PowerDnsServer;
  pebble: PebbleServer;
  /** The CA profile an operator would configure for this Pebble (EAB, terms accepted, its listener trusted). */
  ca(overrides?: Partial<AcmeCaSettings>): AcmeCaSettings;
  close(): Promise<void>;
};

export async function startAcmeTestEnvironment(): Promise<AcmeTestEnvironment> {
  const pdns = await startPowerDns();
  let pebble: PebbleServer;
  try {
    pebble = await startPebble({ dnsServer: pdns.dnsAddress });
  } catch (error) {
    await pdns.stop();
    throw error;
  }
  return {
    pdns,
    pebble,
    ca: (overrides = {}) => ({
      directoryUrl: pebble.directoryUrl,
      externalAccountBinding: pebble.eab,
      contactEmail: "ops@certdesk.test",
      termsOfServiceAgreed: true,
      caBundlePem: pebble.listenerCertificatePem,
      ...overrides,
    }),
    async close() {
      await Promise.allSettled([pebble.close(), pdns.stop()]);
    },
  };
}

// The DNS provider DNS_PROVIDER names, built once per process from the validated settings.
import "server-only";
import { now, systemNow } from "@/lib/clock";
import { type DnsSettings, getConfig } from "@/lib/config";
import { createDemoDnsProvider } from "@/lib/dns/providers/demo-dns-provider";
import type { DnsProvider } from "@/lib/dns/providers/dns-provider";
import { createPowerDnsProvider } from "@/lib/dns/providers/powerdns-dns-provider";
import { createRfc2136Provider } from "@/lib/dns/providers/rfc2136-dns-provider";

/** A provider for these settings; getDnsProvider() is the one the application uses. */
export function createDnsProvider(settings: DnsSettings): DnsProvider {
  switch (settings.provider) {
    case "demo":
      return createDemoDnsProvider(now);
    case "powerdns":
      return createPowerDnsProvider(settings);
    case "rfc2136":
      return createRfc2136Provider(settings, systemNow);
  }
}

let cached: DnsProvider | undefined;

export function getDnsProvider(): DnsProvider {
  cached ??= createDnsProvider(getConfig().dns);
  return cached;
}

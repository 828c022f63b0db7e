// Which addresses a deployment target may make CertDesk connect to. Targets are chosen by
// customers, and SSH, TLS probes and deploy webhooks all leave from inside the operator's
// network, so they get the notification webhooks' guard (lib/notifications/
// webhook-address-policy.ts): public addresses only, checked on the address actually
// connected to. Unlike notification webhooks, tests get no exception: outside DEMO_MODE a
// loopback, private or reserved address is reachable only when the operator lists its
// network in DEPLOY_ALLOWED_NETWORKS.
import "server-only";
import { type AppConfig, getConfig } from "@/lib/config";
import type { DeployFailure } from "@/lib/deploy/deployment-contracts";
import { toAddressList } from "@/lib/deploy/parse-allowed-networks";
import { type PrivateAddressPermit, resolvePermittedAddresses } from "@/lib/notifications/webhook-address-policy";

export function deployAddressPermit(
  config: Pick<AppConfig, "demoMode" | "deployAllowedNetworks"> = getConfig(),
): PrivateAddressPermit {
  if (config.demoMode) return true;
  return config.deployAllowedNetworks.length > 0 ? toAddressList(config.deployAllowedNetworks) : false;
}

export type ResolvedDeployAddress = { ok: true; address: string } | { ok: false; failure: DeployFailure };

/**
 * The address to connect to for `host`: refused when any of its addresses is not permitted
 * (a name that resolves to a public and a private address is refused: which one a later
 * lookup returns is the name owner's choice).
 */
export async function resolveDeployAddress(host: string, permit: PrivateAddressPermit): Promise<ResolvedDeployAddress> {
  const resolved = await resolvePermittedAddresses(host, permit);
  if (resolved.ok) {
    const [first] = resolved.addresses;
    if (first) return { ok: true, address: first.address };
  }
  if (!resolved.ok && resolved.problem === "PRIVATE_ADDRESS") {
    return {
      ok: false,
      failure: {
        reason: "ADDRESS_REFUSED",
        message: `${host} resolves to a loopback, private or reserved address; an administrator can allow its network with DEPLOY_ALLOWED_NETWORKS`,
      },
    };
  }
  return { ok: false, failure: { reason: "UNREACHABLE", message: `${host} does not resolve` } };
}

// At save time, every host a target makes CertDesk connect to (the SSH server, each endpoint
// to verify, the webhook's host) is held to the deployment address policy, so a customer
// learns now, at the field, what every later connection would refuse.
import "server-only";
import { resolveDeployAddress } from "@/lib/deploy/deploy-address-policy";
import type { TargetInputProblem } from "@/lib/deployment-targets/deployment-target-input";
import type { PrivateAddressPermit } from "@/lib/notifications/webhook-address-policy";

export async function checkTargetAddresses(
  hosts: readonly { field: string; host: string }[],
  permit: PrivateAddressPermit,
): Promise<Record<string, TargetInputProblem>> {
  const problems: Record<string, TargetInputProblem> = {};
  const checked = await Promise.all(
    hosts.map(async ({ field, host }) => ({ field, resolved: await resolveDeployAddress(host, permit) })),
  );
  for (const { field, resolved } of checked) {
    if (resolved.ok) continue;
    problems[field] = resolved.failure.reason === "ADDRESS_REFUSED" ? "ADDRESS_REFUSED" : "UNRESOLVABLE";
  }
  return problems;
}

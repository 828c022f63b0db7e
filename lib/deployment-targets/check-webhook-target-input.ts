// The server's checks of a deploy webhook beyond its form's schema: the receiver's host and
// every endpoint are addresses deployments may reach (the notification webhooks' guard, with
// the deployment allow-list).
import "server-only";
import { deployAddressPermit } from "@/lib/deploy/deploy-address-policy";
import type { TlsEndpoint } from "@/lib/deploy/deployment-contracts";
import { checkTargetAddresses } from "@/lib/deployment-targets/check-target-addresses";
import type { TargetInputProblem } from "@/lib/deployment-targets/deployment-target-input";

export async function checkWebhookTargetInput(input: {
  url: string;
  endpoints: readonly TlsEndpoint[];
}): Promise<Record<string, TargetInputProblem>> {
  return checkTargetAddresses(
    [
      { field: "url", host: new URL(input.url).hostname },
      ...input.endpoints.map((endpoint, index) => ({ field: `endpoints.${index}.host`, host: endpoint.host })),
    ],
    deployAddressPermit(),
  );
}

// The server's checks of an SSH target beyond its form's schema: the private key opens (with
// its passphrase), and the server and every endpoint are addresses deployments may reach.
import "server-only";
import { checkSshPrivateKey } from "@/lib/deploy/check-ssh-private-key";
import { deployAddressPermit } from "@/lib/deploy/deploy-address-policy";
import type { SshCredentials, TlsEndpoint } from "@/lib/deploy/deployment-contracts";
import { checkTargetAddresses } from "@/lib/deployment-targets/check-target-addresses";
import type { TargetInputProblem } from "@/lib/deployment-targets/deployment-target-input";

export async function checkSshTargetInput(input: {
  host: string;
  endpoints: readonly TlsEndpoint[];
  /** null: the stored credentials are kept. */
  credentials: SshCredentials | null;
}): Promise<Record<string, TargetInputProblem>> {
  const problems: Record<string, TargetInputProblem> = {};
  if (input.credentials?.kind === "privateKey") {
    const key = checkSshPrivateKey(input.credentials.privateKey, input.credentials.passphrase);
    if (!key.ok) {
      const onPassphrase = key.problem === "KEY_ENCRYPTED" || key.problem === "KEY_PASSPHRASE_WRONG";
      problems[onPassphrase ? "passphrase" : "privateKey"] = key.problem;
    }
  }
  Object.assign(
    problems,
    await checkTargetAddresses(
      [
        { field: "host", host: input.host },
        ...input.endpoints.map((endpoint, index) => ({ field: `endpoints.${index}.host`, host: endpoint.host })),
      ],
      deployAddressPermit(),
    ),
  );
  return problems;
}

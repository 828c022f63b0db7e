// Tells the CA the DNS-01 records are in place, then waits a few seconds for its
// verdict. Call it only after lookupTxtAtAuthoritative sees every record at the zone's
// authoritative servers: an answer the CA cannot verify makes the authorization, and
// with it the whole order, invalid.
import "server-only";
import { runAcmeStep } from "@/lib/acme/acme-transport";
import type { AcmeAccount, AcmeCaSettings, AcmeOrderState } from "@/lib/acme/acme-types";
import { loadAcmeOrder, readAcmeOrder } from "@/lib/acme/load-acme-order";
import { normalizeDomainName } from "@/lib/dns/normalize-domain-name";

export type AnswerAcmeChallengesInput = {
  ca: AcmeCaSettings;
  account: AcmeAccount;
  state: AcmeOrderState;
  /** Answer only these names' challenges (as in `state.domains`); default every pending one. */
  domains?: readonly string[];
};

/**
 * The order's state afterwards: "ready" when every authorization is valid (finalize
 * next), "invalid" with `failure` (RECORD_NOT_FOUND, CAA_FORBIDS...: a new order is
 * needed), or still "pending" when the CA has not decided yet (refresh on the next
 * run). Throws AcmeError (step "challenge") when the CA cannot be asked at all.
 */
export async function answerAcmeChallenges(input: AnswerAcmeChallengesInput): Promise<AcmeOrderState> {
  const only = input.domains ? new Set(input.domains.map(normalizeDomainName)) : null;
  return runAcmeStep("challenge", input.ca, async () => {
    const loaded = await loadAcmeOrder(input.ca, input.account, input.state);
    const { client } = loaded;
    const answered = loaded.authorizations.flatMap((authorization, index) => {
      const described = loaded.state.authorizations[index];
      const challenge = authorization.challenges.find((candidate) => candidate.type === "dns-01");
      const wanted = !only || (described && only.has(described.domain));
      return authorization.status === "pending" && challenge?.status === "pending" && wanted ? [challenge] : [];
    });
    for (const challenge of answered) await client.completeChallenge(challenge);
    // acme-client polls each one with a short backoff; one that is still pending, or
    // failed, shows in the state read afterwards, which is the answer either way.
    await Promise.allSettled(answered.map((challenge) => client.waitForValidStatus(challenge)));
    const order = await client.getOrder(loaded.order);
    return (
      await readAcmeOrder(client, {
        directoryUrl: input.ca.directoryUrl,
        accountUrl: input.account.accountUrl,
        domains: input.state.domains,
        order,
      })
    ).state;
  });
}

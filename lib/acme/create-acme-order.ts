// A new ACME order for a certificate's names, with the DNS-01 records that prove them.
// Nothing is answered here: the records must first be in place (answerAcmeChallenges).
import "server-only";
import { openAcmeClient, runAcmeStep } from "@/lib/acme/acme-transport";
import type { AcmeAccount, AcmeCaSettings, AcmeOrderState } from "@/lib/acme/acme-types";
import { readAcmeOrder } from "@/lib/acme/load-acme-order";
import { normalizeDomainName } from "@/lib/dns/normalize-domain-name";

export type CreateAcmeOrderInput = {
  ca: AcmeCaSettings;
  account: AcmeAccount;
  /** The certificate's names, e.g. `["example.com", "*.example.com"]` (one TXT name, two values). */
  domains: readonly string[];
  /** ARI (RFC 9773): the certID of the certificate this order renews, sent as `replaces`. */
  replaces?: string;
};

/**
 * Throws AcmeError (step "order"): REJECTED_IDENTIFIER, RATE_LIMITED, CA_UNREACHABLE,
 * ACCOUNT_GONE (register again, then order)...
 */
export async function createAcmeOrder(input: CreateAcmeOrderInput): Promise<AcmeOrderState> {
  const domains = [...new Set(input.domains.map(normalizeDomainName))];
  return runAcmeStep("order", input.ca, async () => {
    const client = openAcmeClient(input.ca, input.account);
    // acme-client posts the object as it is, so `replaces` needs no patch of the library.
    const request = {
      identifiers: domains.map((value) => ({ type: "dns", value })),
      ...(input.replaces ? { replaces: input.replaces } : {}),
    };
    const order = await client.createOrder(request);
    const loaded = await readAcmeOrder(client, {
      directoryUrl: input.ca.directoryUrl,
      accountUrl: input.account.accountUrl,
      domains,
      order,
    });
    return loaded.state;
  });
}

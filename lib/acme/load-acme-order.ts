// Reads an order and its authorizations from the CA and builds its state: shared by
// the steps that resume an order from a stored AcmeOrderState.
import "server-only";
import type { Authorization, Client, Order } from "acme-client";
import { AcmeError, acmeFailure } from "@/lib/acme/acme-failure";
import { buildAcmeOrderState } from "@/lib/acme/acme-order-state";
import { openAcmeClient } from "@/lib/acme/acme-transport";
import type { AcmeAccount, AcmeCaSettings, AcmeOrderState } from "@/lib/acme/acme-types";

export type LoadedAcmeOrder = {
  client: Client;
  order: Order;
  authorizations: Authorization[];
  state: AcmeOrderState;
};

/** The dns-01 TXT value of every authorization's challenge, by challenge URL. */
export async function dnsChallengeValues(
  client: Client,
  authorizations: readonly Authorization[],
): Promise<Map<string, string>> {
  const values = new Map<string, string>();
  for (const authorization of authorizations) {
    const challenge = authorization.challenges.find((candidate) => candidate.type === "dns-01");
    if (challenge) values.set(challenge.url, await client.getChallengeKeyAuthorization(challenge));
  }
  return values;
}

export async function readAcmeOrder(
  client: Client,
  input: { directoryUrl: string; accountUrl: string; domains: readonly string[]; order: Order },
): Promise<LoadedAcmeOrder> {
  const authorizations = await client.getAuthorizations(input.order);
  const state = buildAcmeOrderState({
    ...input,
    authorizations,
    dnsValues: await dnsChallengeValues(client, authorizations),
  });
  return { client, order: input.order, authorizations, state };
}

/**
 * Opens a client for the account and reads the order `state` points at. Call inside
 * runAcmeStep. An order created under another account (the CA forgot the old one and
 * it was registered again) cannot be read by this one: ORDER_GONE.
 */
export async function loadAcmeOrder(
  ca: AcmeCaSettings,
  account: AcmeAccount,
  state: AcmeOrderState,
): Promise<LoadedAcmeOrder> {
  if (state.accountUrl !== account.accountUrl) {
    throw new AcmeError(
      acmeFailure(
        "ORDER_GONE",
        `the order was created by the account ${state.accountUrl}, not ${account.accountUrl}: create a new order`,
      ),
      "order",
    );
  }
  const client = openAcmeClient(ca, account);
  const order = await client.getOrder({
    url: state.orderUrl,
    finalize: state.finalizeUrl,
    status: state.status,
    identifiers: [],
    authorizations: [],
  });
  return readAcmeOrder(client, {
    directoryUrl: ca.directoryUrl,
    accountUrl: account.accountUrl,
    domains: state.domains,
    order,
  });
}

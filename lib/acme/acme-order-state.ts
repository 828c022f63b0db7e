// The persisted form of an ACME order, built from the CA's order and authorization
// objects. Pure, so what a later process resumes from is exactly what was built here.
import type { Authorization, Order } from "acme-client";
import { acmeFailure, failureFromValidationError } from "@/lib/acme/acme-failure";
import type { AcmeAuthorizationState, AcmeFailure, AcmeOrderState } from "@/lib/acme/acme-types";

export type AcmeChallenge = Authorization["challenges"][number];

/** `_acme-challenge.<name>`; a wildcard's authorization carries its base name already. */
export function dnsChallengeRecordName(identifierValue: string): string {
  return `_acme-challenge.${identifierValue.toLowerCase().replace(/^\*\./, "").replace(/\.$/, "")}`;
}

function problemOf(value: object | undefined): { type?: string; detail?: string } | null {
  if (!value) return null;
  const { type, detail } = value as { type?: unknown; detail?: unknown };
  return {
    type: typeof type === "string" ? type : undefined,
    detail: typeof detail === "string" ? detail : undefined,
  };
}

function authorizationState(
  authorization: Authorization,
  dnsValues: ReadonlyMap<string, string>,
): AcmeAuthorizationState {
  const domain = `${authorization.wildcard ? "*." : ""}${authorization.identifier.value.toLowerCase()}`;
  const challenge = authorization.challenges.find((candidate) => candidate.type === "dns-01");
  const value = challenge ? dnsValues.get(challenge.url) : undefined;
  let failure: AcmeFailure | null = null;
  if (authorization.status === "invalid") {
    const failed = authorization.challenges.find((candidate) => candidate.status === "invalid" && candidate.error);
    failure = failureFromValidationError(problemOf(failed?.error), domain);
  } else if (["expired", "deactivated", "revoked"].includes(authorization.status)) {
    failure = acmeFailure("ORDER_INVALID", `the authorization of ${domain} is ${authorization.status}`, { domain });
  }
  return {
    url: authorization.url,
    domain,
    status: authorization.status,
    expires: authorization.expires ?? null,
    dns01:
      challenge && value !== undefined
        ? {
            url: challenge.url,
            status: challenge.status,
            record: { name: dnsChallengeRecordName(authorization.identifier.value), type: "TXT", value },
          }
        : null,
    failure,
  };
}

export function buildAcmeOrderState(input: {
  directoryUrl: string;
  accountUrl: string;
  /** The names as the caller ordered them (the CA may list them in another order). */
  domains: readonly string[];
  order: Order;
  authorizations: readonly Authorization[];
  /** The dns-01 TXT value of each challenge, by challenge URL. */
  dnsValues: ReadonlyMap<string, string>;
}): AcmeOrderState {
  const authorizations = input.authorizations.map((authorization) =>
    authorizationState(authorization, input.dnsValues),
  );
  let failure: AcmeFailure | null = null;
  if (input.order.status === "invalid") {
    const orderProblem = problemOf(input.order.error);
    failure =
      authorizations.find((authorization) => authorization.failure)?.failure ??
      acmeFailure("ORDER_INVALID", orderProblem?.detail ?? "the CA marked the order invalid", {
        problemType: orderProblem?.type ?? null,
      });
  }
  return {
    version: 1,
    directoryUrl: input.directoryUrl,
    accountUrl: input.accountUrl,
    orderUrl: input.order.url,
    finalizeUrl: input.order.finalize,
    certificateUrl: input.order.certificate ?? null,
    status: input.order.status,
    expires: input.order.expires ?? null,
    domains: [...input.domains],
    authorizations,
    failure,
  };
}

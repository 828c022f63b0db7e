// Finalizes a ready order with the caller's CSR and downloads the certificate chain.
// Safe to call again: an order already finalized (processing or valid) is not sent the
// CSR twice, its chain is just downloaded.
import "server-only";
import { AcmeError, acmeFailure } from "@/lib/acme/acme-failure";
import { isAcmeTransportError, runAcmeStep } from "@/lib/acme/acme-transport";
import type { AcmeAccount, AcmeCaSettings, AcmeOrderState } from "@/lib/acme/acme-types";
import { loadAcmeOrder, readAcmeOrder } from "@/lib/acme/load-acme-order";
import { readCertificateRequestNames } from "@/lib/acme/read-certificate-request-names";

export type FinalizeAcmeOrderInput = {
  ca: AcmeCaSettings;
  account: AcmeAccount;
  state: AcmeOrderState;
  /** PKCS#10 request for exactly the order's names: PEM text, or DER bytes. */
  csr: string | Uint8Array;
};

export type FinalizedAcmeOrder = {
  state: AcmeOrderState;
  /** Leaf first, then the intermediates, PEM. Null while the CA is still issuing ("processing"): call again on the next run. */
  certificateChainPem: string | null;
};

function toPem(csr: string | Uint8Array): string {
  if (typeof csr === "string") return csr;
  const body = Buffer.from(csr).toString("base64").replace(/.{64}/g, "$&\n");
  return `-----BEGIN CERTIFICATE REQUEST-----\n${body}\n-----END CERTIFICATE REQUEST-----\n`;
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  return left.size === new Set(b).size && b.every((name) => left.has(name));
}

/**
 * Throws AcmeError (step "finalize"): CSR_REJECTED (the CSR is unreadable, names other
 * names than the order, or the CA refused it), ORDER_NOT_READY (authorizations still
 * pending: answer the challenges first), the order's own failure when it is invalid,
 * CA_UNREACHABLE (retry: the state is unchanged, or already finalized, which the next
 * call sees).
 */
export async function finalizeAcmeOrder(input: FinalizeAcmeOrderInput): Promise<FinalizedAcmeOrder> {
  const csrPem = toPem(input.csr);
  const names = readCertificateRequestNames(csrPem);
  if (!names) {
    throw new AcmeError(acmeFailure("CSR_REJECTED", "the CSR is not a readable PKCS#10 request"), "finalize");
  }
  if (!sameNames(names, input.state.domains)) {
    throw new AcmeError(
      acmeFailure(
        "CSR_REJECTED",
        `the CSR names ${names.join(", ") || "nothing"}, the order ${input.state.domains.join(", ")}`,
      ),
      "finalize",
    );
  }
  return runAcmeStep("finalize", input.ca, async () => {
    const loaded = await loadAcmeOrder(input.ca, input.account, input.state);
    const { client } = loaded;
    let { order } = loaded;
    switch (order.status) {
      case "invalid":
        throw new AcmeError(
          loaded.state.failure ?? acmeFailure("ORDER_INVALID", "the CA marked the order invalid"),
          "finalize",
        );
      case "pending": {
        const pending = loaded.state.authorizations.filter((authorization) => authorization.status !== "valid");
        throw new AcmeError(
          acmeFailure(
            "ORDER_NOT_READY",
            `not validated yet: ${pending.map((authorization) => authorization.domain).join(", ")}`,
          ),
          "finalize",
        );
      }
      case "ready":
        order = await client.finalizeOrder(order, csrPem);
        break;
      case "processing":
      case "valid":
        break;
    }
    let certificateChainPem: string | null = null;
    try {
      certificateChainPem = await client.getCertificate(order);
    } catch (error) {
      if (isAcmeTransportError(error)) throw error;
      // acme-client's polling gave up while the CA was still processing, or saw the order
      // turn invalid: the order read below says which.
    }
    const reread = await client.getOrder(order);
    const state = (
      await readAcmeOrder(client, {
        directoryUrl: input.ca.directoryUrl,
        accountUrl: input.account.accountUrl,
        domains: input.state.domains,
        order: reread,
      })
    ).state;
    if (!certificateChainPem && state.status === "invalid") {
      throw new AcmeError(state.failure ?? acmeFailure("ORDER_INVALID", "the CA marked the order invalid"), "finalize");
    }
    if (!certificateChainPem && state.status === "valid") certificateChainPem = await client.getCertificate(reread);
    return { state, certificateChainPem };
  });
}

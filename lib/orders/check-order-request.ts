import "server-only";
import { csrNameProblem, parseCertificateRequest } from "@/lib/csr/parse-certificate-request";
import type { KeyAlgorithm } from "@/lib/generated/prisma/enums";
import type { CertificateOrderInput } from "@/lib/orders/certificate-order-input";
import { type AcceptedOrderNames, acceptedOrderNames, checkOrderNames } from "@/lib/orders/check-order-names";
import type { OrderProblem } from "@/lib/orders/order-problems";
import { type CatalogueProduct, orderAutoRenewFailures } from "@/lib/orders/order-products";
import { fileValidationAllowed } from "@/lib/validation/list-validation-targets";

export type OrderRequest = Pick<
  CertificateOrderInput,
  "names" | "domainCount" | "validationMethod" | "key" | "autoRenew"
>;

export type CheckedCsr = { source: "CSR"; keyAlgorithm: KeyAlgorithm; csrPem: string };

export type CheckedOrderRequest = {
  problems: OrderProblem[];
  /** The names as the CA will see them; null when they have problems. */
  names: AcceptedOrderNames | null;
  /** The parsed CSR when the customer gave one and it is acceptable. */
  csr: CheckedCsr | null;
};

/**
 * Every check an order's details get against its product, before anything is charged: the
 * names as a CA checks them, the validation method, the CSR (its key and its names), and
 * whether auto-renewal may be switched on. The order form's server action and the API's
 * CertificateInfoSubmit ask the same question through this one function.
 */
export async function checkOrderRequest(
  order: OrderRequest,
  product: CatalogueProduct,
  catalogue: readonly CatalogueProduct[],
): Promise<CheckedOrderRequest> {
  const problems: OrderProblem[] = [];
  const checked = checkOrderNames(order.names, {
    domainType: product.domainType,
    domainCount: product.domainType === "MULTI" ? order.domainCount : 1,
    maxDomains: product.maxDomains,
  });
  for (const problem of checked.problems) problems.push({ field: "names", ...problem });
  for (const problem of checked.listProblems) problems.push({ field: "names", index: null, ...problem });
  const names = acceptedOrderNames(checked);
  if (names && order.validationMethod === "FILE" && !fileValidationAllowed(names.covered)) {
    problems.push({ field: "validationMethod", code: "FILE_NOT_FOR_WILDCARD", params: {} });
  }
  const autoRenewFailures = order.autoRenew ? orderAutoRenewFailures(product, catalogue) : [];
  if (autoRenewFailures.length > 0) {
    problems.push({ field: "autoRenew", code: "AUTO_RENEW_NOT_ELIGIBLE", params: { reasons: autoRenewFailures } });
  }
  let csr: CheckedCsr | null = null;
  if (order.key.source === "CSR") {
    const parsed = await parseCertificateRequest(order.key.csrPem);
    if (!parsed.ok) problems.push({ field: "csr", ...parsed.problem });
    else {
      const mismatch = names ? csrNameProblem(parsed.value.names, names.covered) : null;
      if (mismatch) problems.push({ field: "csr", ...mismatch });
      csr = { source: "CSR", keyAlgorithm: parsed.value.keyAlgorithm, csrPem: parsed.value.csrPem };
    }
  }
  return { problems, names: problems.length > 0 ? null : names, csr };
}

// What placeCertificateOrder refuses field by field, in a vocabulary the order form
// translates (messages: certificateOrder.problem.<field>.<code>). Pure.
import type { CsrProblemCode } from "@/lib/csr/csr-problems";
import type { NameListProblemCode, NameProblemCode } from "@/lib/orders/check-order-names";
import type { ProductEligibilityFailure } from "@/lib/renewal/auto-renew-rules";

export type OrderProblem =
  | {
      field: "names";
      /** The entered name (0-based); null for the list as a whole. */
      index: number | null;
      code: NameProblemCode | NameListProblemCode | "HOSTED_BY_ANOTHER_ACCOUNT";
      params: Record<string, string | number>;
    }
  | { field: "csr"; code: CsrProblemCode; params: Record<string, string | number> }
  | { field: "validationMethod"; code: "FILE_NOT_FOR_WILDCARD"; params: Record<string, string | number> }
  | { field: "organization"; code: "ORGANIZATION_REQUIRED"; params: Record<string, string | number> }
  | { field: "autoRenew"; code: "AUTO_RENEW_NOT_ELIGIBLE"; params: { reasons: ProductEligibilityFailure[] } };

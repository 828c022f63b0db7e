// The order form's fields as one value, kept in sessionStorage so a trip to Billing for a
// top-up comes back to the same order (the CSR included). Client only.
import { emptyOrganizationDraft, type OrganizationDraft } from "@/components/organization-review/organization-draft";
import type { CertificateType, DomainType, KeyAlgorithm } from "@/lib/generated/prisma/enums";
import { DEFAULT_ORDER_KEY_ALGORITHM, ORDER_KEY_ALGORITHMS } from "@/lib/orders/order-key-algorithms";
import type { OrderFlow } from "@/lib/orders/order-products";

export type OrderDraft = {
  brand: string;
  certificateType: CertificateType;
  domainType: DomainType;
  domainCount: number;
  names: string[];
  validationMethod: "DNS" | "FILE";
  keySource: "GENERATE" | "CSR";
  algorithm: KeyAlgorithm;
  csrPem: string;
  autoRenew: boolean;
  /** OV/EV only: the organisation and its contact. */
  organization: OrganizationDraft;
};

/** Which draft: buying, applying, or renewing one certificate (`RENEW-<id>`). */
export type DraftScope = OrderFlow | `RENEW-${string}`;

const storageKey = (scope: DraftScope) => `certdesk.order-draft.${scope}`;

export function emptyDraft(
  product: { brand: string; certificateType: CertificateType; domainType: DomainType } | undefined,
): OrderDraft {
  return {
    brand: product?.brand ?? "",
    certificateType: product?.certificateType ?? "DV",
    domainType: product?.domainType ?? "SINGLE",
    domainCount: 2,
    names: [""],
    validationMethod: "DNS",
    keySource: "GENERATE",
    algorithm: DEFAULT_ORDER_KEY_ALGORITHM,
    csrPem: "",
    autoRenew: false,
    organization: emptyOrganizationDraft(),
  };
}

/** False when storage is full or disabled (private mode): the order still works, it only will not survive a top-up. */
export function saveDraft(flow: DraftScope, draft: OrderDraft): boolean {
  try {
    window.sessionStorage.setItem(storageKey(flow), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

/** False when storage is disabled, where nothing was stored either. */
export function clearDraft(flow: DraftScope): boolean {
  try {
    window.sessionStorage.removeItem(storageKey(flow));
    return true;
  } catch {
    return false;
  }
}

/** The saved draft, if there is one and it still has the shape of a draft. */
export function loadDraft(flow: DraftScope): OrderDraft | null {
  let raw: string | null = null;
  try {
    raw = window.sessionStorage.getItem(storageKey(flow));
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as Partial<OrderDraft>;
    const text = (field: unknown, max: number) => (typeof field === "string" ? field.slice(0, max) : "");
    return {
      brand: text(value.brand, 40),
      certificateType: (["DV", "OV", "EV"] as const).find((type) => type === value.certificateType) ?? "DV",
      domainType: (["SINGLE", "MULTI", "WILDCARD"] as const).find((type) => type === value.domainType) ?? "SINGLE",
      domainCount: Number.isInteger(value.domainCount) ? Number(value.domainCount) : 2,
      names: Array.isArray(value.names) ? value.names.slice(0, 250).map((name) => text(name, 300)) : [""],
      validationMethod: value.validationMethod === "FILE" ? "FILE" : "DNS",
      keySource: value.keySource === "CSR" ? "CSR" : "GENERATE",
      algorithm: ORDER_KEY_ALGORITHMS.find((algorithm) => algorithm === value.algorithm) ?? DEFAULT_ORDER_KEY_ALGORITHM,
      csrPem: text(value.csrPem, 20_000),
      autoRenew: value.autoRenew === true,
      organization: organizationOf(value.organization),
    };
  } catch {
    return null;
  }
}

function organizationOf(value: unknown): OrganizationDraft {
  const draft = emptyOrganizationDraft();
  if (typeof value !== "object" || value === null) return draft;
  for (const field of Object.keys(draft) as (keyof OrganizationDraft)[]) {
    const entered = (value as Record<string, unknown>)[field];
    if (typeof entered === "string") draft[field] = entered.slice(0, 300);
  }
  return draft;
}

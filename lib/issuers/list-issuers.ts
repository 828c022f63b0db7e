import "server-only";
import { type Actor, assertAdmin } from "@/lib/admin/assert-admin";
import { db } from "@/lib/db/client";
import { ISSUER_VIEW_SELECT, type IssuerView, toIssuerView } from "@/lib/issuers/issuer-views";

export type ProductIssuerRow = {
  priceId: string;
  brand: string;
  certificateType: string;
  domainType: string;
  validityYears: number;
  /** A free product, which can sit beside the paid one of the same kind. */
  free: boolean;
  /** Null: the built-in CA. */
  issuerId: string | null;
};

export type IssuersOverview = { issuers: IssuerView[]; products: ProductIssuerRow[] };

/** The admin Issuers page: every ACME issuer (no secrets) and which products each one issues. */
export async function listIssuers(actor: Actor): Promise<IssuersOverview> {
  assertAdmin(actor);
  const [issuers, products] = await Promise.all([
    db.issuer.findMany({ select: ISSUER_VIEW_SELECT, orderBy: { name: "asc" } }),
    db.price.findMany({
      select: {
        id: true,
        brand: true,
        certificateType: true,
        domainType: true,
        validityYears: true,
        free: true,
        issuerId: true,
      },
      orderBy: [{ brand: "asc" }, { certificateType: "asc" }, { domainType: "asc" }, { validityYears: "asc" }],
    }),
  ]);
  return {
    issuers: issuers.map(toIssuerView),
    products: products.map(({ id, ...product }) => ({ priceId: id, ...product })),
  };
}

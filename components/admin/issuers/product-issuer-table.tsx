"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { assignProductIssuerAction } from "@/app/admin/issuers/actions";
import { NativeSelect } from "@/components/ui/native-select";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import type { ProductIssuerRow } from "@/lib/issuers/list-issuers";

const BUILT_IN = "";

/** Which issuer each product (price row) uses; changed with a select, saved at once. */
export function ProductIssuerTable({
  products,
  issuers,
}: {
  products: ProductIssuerRow[];
  issuers: { id: string; name: string }[];
}) {
  const t = useTranslations("admin.issuers");
  const tc = useTranslations("certificates");
  const router = useRouter();
  const mutation = useMutation({ mutationFn: assignProductIssuerAction });
  if (products.length === 0) return <p className="text-sm text-muted-foreground">{t("products.empty")}</p>;
  const builtIn = `${t("builtIn.name")} (${t("builtIn.untrusted")})`;

  return (
    <Table data-testid="product-issuer-table">
      <TableHeader>
        <TableRow>
          <TableHead scope="col">{t("products.product")}</TableHead>
          <TableHead scope="col">{t("products.issuer")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {products.map((product) => {
          const kind = `${product.brand} ${tc(`type.${product.certificateType}`)} ${tc(`domainType.${product.domainType}`)}`;
          const label = product.free ? t("products.freeProduct", { product: kind }) : kind;
          return (
            <TableRow key={product.priceId} data-testid="product-issuer-row" data-price-id={product.priceId}>
              <TableHead scope="row" className="font-medium text-foreground">
                {label}
              </TableHead>
              <TableCell>
                <NativeSelect
                  aria-label={t("products.issuerFor", { product: label })}
                  defaultValue={product.issuerId ?? BUILT_IN}
                  disabled={mutation.isPending}
                  className="max-w-xs"
                  data-testid="product-issuer-select"
                  onChange={(event) => {
                    const issuerId = event.target.value === BUILT_IN ? null : event.target.value;
                    const issuerName = issuers.find((issuer) => issuer.id === issuerId)?.name ?? builtIn;
                    mutation.mutate(
                      { priceId: product.priceId, issuerId },
                      {
                        onSuccess: (result) => {
                          if (!result.ok) return void toast.error(result.message);
                          toast.success(t("products.saved", { product: label, issuer: issuerName }));
                          router.refresh();
                        },
                        onError: () => toast.error(t("list.networkError")),
                      },
                    );
                  }}
                >
                  <option value={BUILT_IN}>{builtIn}</option>
                  {issuers.map((issuer) => (
                    <option key={issuer.id} value={issuer.id}>
                      {issuer.name}
                    </option>
                  ))}
                </NativeSelect>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

"use client";

import { AlertTriangleIcon } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useId } from "react";
import { type Choice, ChoiceGroup } from "@/components/orders/choice-group";
import type { OrderDraft } from "@/components/orders/order-draft";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import type { CertificateType, DomainType } from "@/lib/generated/prisma/enums";
import { formatMoney } from "@/lib/money";
import { MIN_MULTI_DOMAINS } from "@/lib/orders/check-order-names";
import type { OrderCatalogueProduct } from "@/lib/orders/get-order-catalogue";

const TYPES: CertificateType[] = ["DV", "OV", "EV"];
const DOMAIN_TYPES: DomainType[] = ["SINGLE", "WILDCARD", "MULTI"];

/** Brand, type, domain type (and MULTI's count), validity and price, from the admin's price list. */
export function OrderProductFields({
  products,
  draft,
  product,
  accountCurrency,
  disabled,
  onProduct,
  onDomainCount,
}: {
  products: OrderCatalogueProduct[];
  draft: OrderDraft;
  product: OrderCatalogueProduct | undefined;
  accountCurrency: string;
  disabled: boolean;
  onProduct: (next: Pick<OrderDraft, "brand" | "certificateType" | "domainType">) => void;
  onDomainCount: (count: number) => void;
}) {
  const t = useTranslations("certificateOrder.product");
  const tType = useTranslations("certificates.type");
  const tDomainType = useTranslations("certificates.domainType");
  const locale = useLocale();
  const id = useId();
  const brands = [...new Set(products.map((row) => row.brand))];
  const ofBrand = products.filter((row) => row.brand === draft.brand);
  const ofType = ofBrand.filter((row) => row.certificateType === draft.certificateType);
  const money = (amountMinor: number, currency: string) => formatMoney(amountMinor, currency, locale);
  const priceOf = (row: OrderCatalogueProduct) =>
    row.free
      ? t("free")
      : row.domainType === "MULTI"
        ? t("pricePerDomain", { price: money(row.priceMinor, row.currency) })
        : money(row.priceMinor, row.currency);

  // Keep what can be kept when the brand or type changes; else the first that can be ordered.
  const pick = (brand: string, certificateType?: CertificateType, domainType?: DomainType) => {
    const rows = products.filter((row) => row.brand === brand);
    const sameType = rows.filter((row) => row.certificateType === (certificateType ?? draft.certificateType));
    const candidates = certificateType || sameType.length > 0 ? sameType : rows;
    const chosen =
      candidates.find((row) => row.domainType === (domainType ?? draft.domainType) && row.unavailable === null) ??
      candidates.find((row) => row.unavailable === null) ??
      candidates[0] ??
      rows[0];
    if (chosen) onProduct({ brand, certificateType: chosen.certificateType, domainType: chosen.domainType });
  };

  const typeChoices: Choice<CertificateType>[] = TYPES.filter((type) =>
    ofBrand.some((row) => row.certificateType === type),
  ).map((type) => {
    const rows = ofBrand.filter((row) => row.certificateType === type);
    const available = rows.some((row) => row.unavailable === null);
    const reason = rows[0]?.unavailable ?? "NOT_PURCHASABLE";
    return {
      value: type,
      label: tType(type),
      hint: available
        ? t(`typeHint.${type}`)
        : t(`unavailable.${reason}`, { currency: rows[0]?.currency ?? "", accountCurrency }),
      // OV and EV wait for the organisation review; an unavailable DV stays choosable to say why.
      disabled: !available && type !== "DV",
    };
  });
  const domainChoices: Choice<DomainType>[] = DOMAIN_TYPES.filter((domainType) =>
    ofType.some((row) => row.domainType === domainType),
  ).map((domainType) => {
    const row = ofType.find((candidate) => candidate.domainType === domainType) as OrderCatalogueProduct;
    return { value: domainType, label: tDomainType(domainType), hint: priceOf(row) };
  });

  return (
    <div className="grid gap-5">
      <div className="grid gap-2 sm:max-w-xs">
        <Label htmlFor={`${id}-brand`}>{t("brand")}</Label>
        <NativeSelect
          id={`${id}-brand`}
          value={draft.brand}
          disabled={disabled}
          onChange={(event) => pick(event.target.value)}
          data-testid="order-brand"
        >
          {brands.map((brand) => (
            <option key={brand} value={brand}>
              {brand}
            </option>
          ))}
        </NativeSelect>
      </div>
      <ChoiceGroup
        legend={t("type")}
        name={`${id}-type`}
        value={draft.certificateType}
        choices={typeChoices}
        disabled={disabled}
        onChange={(certificateType) => pick(draft.brand, certificateType)}
        testId="order-type"
      />
      <ChoiceGroup
        legend={t("domainType")}
        name={`${id}-domain-type`}
        value={draft.domainType}
        choices={domainChoices}
        disabled={disabled}
        onChange={(domainType) => pick(draft.brand, draft.certificateType, domainType)}
        testId="order-domain-type"
      />
      {product?.domainType === "MULTI" && (
        <div className="grid gap-2 sm:max-w-xs">
          <Label htmlFor={`${id}-count`}>{t("domainCount")}</Label>
          <Input
            id={`${id}-count`}
            type="number"
            inputMode="numeric"
            min={MIN_MULTI_DOMAINS}
            max={Math.max(MIN_MULTI_DOMAINS, product.maxDomains)}
            value={draft.domainCount}
            disabled={disabled}
            onChange={(event) => {
              const count = Number.parseInt(event.target.value, 10);
              if (Number.isInteger(count))
                onDomainCount(Math.min(Math.max(1, count), Math.max(MIN_MULTI_DOMAINS, product.maxDomains)));
            }}
            aria-describedby={`${id}-count-hint`}
            className="text-base tabular-nums sm:text-sm"
            data-testid="order-domain-count"
          />
          <p id={`${id}-count-hint`} className="text-xs text-muted-foreground">
            {t("domainCountHint", { min: MIN_MULTI_DOMAINS, max: Math.max(MIN_MULTI_DOMAINS, product.maxDomains) })}
          </p>
        </div>
      )}
      <dl className="grid gap-3 text-sm sm:grid-cols-2">
        <div className="grid gap-0.5">
          <dt className="text-xs text-muted-foreground">{t("validity")}</dt>
          <dd>{t("validityValue", { years: product?.validityYears ?? 1 })}</dd>
        </div>
        <div className="grid gap-0.5">
          <dt className="text-xs text-muted-foreground">{t("price")}</dt>
          <dd className="font-medium tabular-nums" data-testid="order-unit-price">
            {product ? priceOf(product) : "—"}
          </dd>
        </div>
      </dl>
      {product?.unavailable && (
        <Alert variant="warning" data-testid="order-product-unavailable">
          <AlertTriangleIcon aria-hidden />
          <AlertDescription>
            {t(`unavailable.${product.unavailable}`, { currency: product.currency, accountCurrency })}
          </AlertDescription>
        </Alert>
      )}
    </div>
  );
}

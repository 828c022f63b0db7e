"use client";

import { useMutation } from "@tanstack/react-query";
import { PencilIcon, XCircleIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import type * as React from "react";
import { useId, useState } from "react";
import { updatePriceAction } from "@/app/admin/prices/actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toast";
import { MAX_PRODUCT_DOMAINS } from "@/lib/admin/catalogue-limits";
import type { AdminPriceRow } from "@/lib/admin/list-admin-prices";
import { firstIssueByField } from "@/lib/first-issue-by-field";
import { formatMoney, minorDigits } from "@/lib/money";
import { needsOrganizationReview } from "@/lib/organization-review/organization-review-rules";

const PRICE_PROBLEMS = ["INVALID", "TOO_LARGE"];

/** Edit one product: its price, whether auto-renewal is offered, whether it is on sale, and (multi-domain) its most names. */
export function PriceEditDialog({ price, label }: { price: AdminPriceRow; label: string }) {
  const t = useTranslations("admin.prices.edit");
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const initial = (price.priceMinor / 10 ** minorDigits(price.currency)).toFixed(minorDigits(price.currency));
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(initial);
  const [supported, setSupported] = useState(price.autoRenewSupported);
  const [purchasable, setPurchasable] = useState(price.purchasable);
  const [maxDomains, setMaxDomains] = useState(String(price.maxDomains));
  const [maxDomainsError, setMaxDomainsError] = useState<string | null>(null);
  const multi = price.domainType === "MULTI";
  const organizationReviewed = needsOrganizationReview(price.certificateType);
  const [priceError, setPriceError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const mutation = useMutation({ mutationFn: updatePriceAction });

  function reset() {
    setValue(initial);
    setSupported(price.autoRenewSupported);
    setPurchasable(price.purchasable);
    setMaxDomains(String(price.maxDomains));
    setMaxDomainsError(null);
    setPriceError(null);
    setFormError(null);
  }

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = {
      priceId: price.id,
      price: value,
      currency: price.currency,
      autoRenewSupported: supported,
      purchasable,
      free: price.free,
      ...(multi ? { maxDomains: Number(maxDomains) } : {}),
    };
    // The action's own schema (loaded on the first submit, zod stays out of the page's first
    // load): a price it would refuse is shown at the field without a round trip.
    const schema = await import("@/lib/admin/update-price-input").catch(() => null);
    if (!schema) {
      setFormError(t("networkError"));
      return;
    }
    const checked = schema.updatePriceInputSchema.safeParse(input);
    const issues = checked.success ? {} : firstIssueByField(checked.error.issues);
    const problem = issues.price;
    if (problem) setPriceError(t(`priceErrors.${PRICE_PROBLEMS.includes(problem) ? problem : "INVALID"}`));
    if (issues.maxDomains) setMaxDomainsError(t("maxDomainsError", { max: MAX_PRODUCT_DOMAINS }));
    if (problem || issues.maxDomains) return;
    setFormError(null);
    mutation.mutate(input, {
      onSuccess: (result) => {
        if (result.ok) {
          toast.success(
            result.data.changed
              ? t("saved", { label, price: formatMoney(result.data.priceMinor, result.data.currency, locale) })
              : t("unchanged"),
          );
          setOpen(false);
          router.refresh();
          return;
        }
        const problem = result.fieldErrors?.price?.[0];
        if (problem && PRICE_PROBLEMS.includes(problem)) setPriceError(t(`priceErrors.${problem}`));
        else setFormError(result.message);
      },
      onError: () => setFormError(t("networkError")),
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (mutation.isPending) return;
        setOpen(next);
        if (!next) reset();
      }}
    >
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={t("open", { label })} data-testid="price-edit">
          <PencilIcon aria-hidden />
          {t("button")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("close")} data-testid="price-edit-dialog">
        <DialogHeader>
          <DialogTitle>{t("title", { label })}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        <form className="grid gap-5" noValidate onSubmit={submit}>
          {formError && (
            <Alert variant="destructive">
              <XCircleIcon aria-hidden />
              <AlertDescription>{formError}</AlertDescription>
            </Alert>
          )}
          <div className="grid gap-2">
            <Label htmlFor={`${id}-price`}>
              {multi ? t("pricePerName", { currency: price.currency }) : t("price", { currency: price.currency })}
            </Label>
            <Input
              id={`${id}-price`}
              inputMode="decimal"
              autoComplete="off"
              value={value}
              readOnly={price.free}
              disabled={mutation.isPending}
              onChange={(event) => {
                setValue(event.target.value);
                setPriceError(null);
              }}
              aria-invalid={priceError ? true : undefined}
              aria-describedby={priceError ? `${id}-price-error` : undefined}
              className="text-base tabular-nums sm:text-sm"
              data-testid="price-input"
            />
            <FieldError id={`${id}-price-error`} messages={priceError ? [priceError] : undefined} />
            {price.free && <p className="text-xs text-muted-foreground">{t("freeHint")}</p>}
          </div>
          {multi && (
            <div className="grid gap-2">
              <Label htmlFor={`${id}-max-domains`}>{t("maxDomains")}</Label>
              <Input
                id={`${id}-max-domains`}
                type="number"
                inputMode="numeric"
                min={2}
                max={MAX_PRODUCT_DOMAINS}
                value={maxDomains}
                disabled={mutation.isPending}
                onChange={(event) => {
                  setMaxDomains(event.target.value);
                  setMaxDomainsError(null);
                }}
                aria-invalid={maxDomainsError ? true : undefined}
                aria-describedby={maxDomainsError ? `${id}-max-domains-error` : undefined}
                className="text-base tabular-nums sm:text-sm"
                data-testid="price-max-domains"
              />
              <FieldError id={`${id}-max-domains-error`} messages={maxDomainsError ? [maxDomainsError] : undefined} />
            </div>
          )}
          <label className="flex items-start gap-3 text-sm">
            <input
              type="checkbox"
              checked={purchasable}
              disabled={mutation.isPending}
              onChange={(event) => setPurchasable(event.target.checked)}
              className="mt-0.5 size-4 accent-[var(--color-primary)]"
              aria-describedby={`${id}-purchasable-hint`}
              data-testid="price-purchasable"
            />
            <span className="grid gap-1">
              <span className="font-medium">{t("purchasable")}</span>
              <span id={`${id}-purchasable-hint`} className="text-muted-foreground">
                {t("purchasableHint")}
              </span>
            </span>
          </label>
          <label className="flex items-start gap-3 text-sm">
            <input
              type="checkbox"
              checked={supported}
              disabled={mutation.isPending || organizationReviewed}
              onChange={(event) => setSupported(event.target.checked)}
              className="mt-0.5 size-4 accent-[var(--color-primary)]"
              aria-describedby={`${id}-supported-hint`}
              data-testid="price-auto-renew"
            />
            <span className="grid gap-1">
              <span className="font-medium">{t("autoRenewSupported")}</span>
              <span id={`${id}-supported-hint`} className="text-muted-foreground">
                {organizationReviewed ? t("autoRenewDvOnly") : t("autoRenewHint")}
              </span>
            </span>
          </label>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline" disabled={mutation.isPending}>
                {t("cancel")}
              </Button>
            </DialogClose>
            <Button type="submit" disabled={mutation.isPending} data-testid="price-save">
              {mutation.isPending ? t("saving") : t("save")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { InfoIcon, Loader2Icon, ShoppingCartIcon, XCircleIcon } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import type * as React from "react";
import { lazy, Suspense, useEffect, useId, useRef, useState } from "react";
import { placeCertificateOrderAction } from "@/app/(console)/certificates/order-actions";
import { newOperationId } from "@/components/admin/new-operation-id";
import {
  clearDraft,
  type DraftScope,
  emptyDraft,
  loadDraft,
  type OrderDraft,
  saveDraft,
} from "@/components/orders/order-draft";
import { OrderKeyFields } from "@/components/orders/order-key-fields";
import { OrderNameFields } from "@/components/orders/order-name-fields";
import { OrderProductFields } from "@/components/orders/order-product-fields";
import { OrderSummary } from "@/components/orders/order-summary";
import { OrderValidationFields } from "@/components/orders/order-validation-fields";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/toast";
import { findHostedZone } from "@/lib/dns/validation-record";
import { formatMoney } from "@/lib/money";
import type { CertificateOrderInput } from "@/lib/orders/certificate-order-input";
import { acceptedOrderNames, checkOrderNames, expectedNameCount } from "@/lib/orders/check-order-names";
import type { OrderCatalogue, OrderCatalogueProduct } from "@/lib/orders/get-order-catalogue";
import type { OrderProblem } from "@/lib/orders/order-problems";
import { orderPriceMinor } from "@/lib/orders/order-products";
import type {
  FieldErrorCode,
  OrganizationDetailsField,
  OrganizationDetailsInput,
} from "@/lib/organization-review/organization-details-input";
import { accountKeys } from "@/lib/queries/account";
import { certificateKeys } from "@/lib/queries/certificates";
import { dnsValidationTargets, fileValidationAllowed } from "@/lib/validation/list-validation-targets";

// Only OV and EV orders ask for the organisation: its fields load when such a product is chosen
// (the order page is at the console's page-weight budget).
const OrganizationDetailsFields = lazy(() =>
  import("@/components/organization-review/organization-details-fields").then((module) => ({
    default: module.OrganizationDetailsFields,
  })),
);

/** The default product: the first one this account can order. */
function firstProduct(products: readonly OrderCatalogueProduct[]): OrderCatalogueProduct | undefined {
  return products.find((product) => product.unavailable === null) ?? products[0];
}

/** The entered names, as many as the product takes. */
function sized(names: readonly string[], count: number): string[] {
  return Array.from({ length: count }, (_, index) => names[index] ?? "");
}

/** An OV/EV renewal ordered through this form: the certificate it renews, its names locked. */
export type OrderFormRenewal = {
  certificateId: string;
  domain: string;
  names: string[];
  organization: OrganizationDetailsInput | null;
};

/** The form's starting point: the first product, or for a renewal the certificate's product, names and organisation. */
function initialDraft(products: readonly OrderCatalogueProduct[], renewal: OrderFormRenewal | undefined): OrderDraft {
  const draft = emptyDraft(firstProduct(products));
  if (!renewal) return draft;
  const organization = { ...draft.organization };
  for (const [field, value] of Object.entries(renewal.organization ?? {})) {
    if (typeof value === "string" && field in organization) organization[field as keyof typeof organization] = value;
  }
  return { ...draft, names: renewal.names, domainCount: Math.max(2, renewal.names.length), organization };
}

/**
 * The order page's form, section by section (product, names, validation, key,
 * auto-renewal, summary), checking as the customer types with the rules the server
 * applies, and paying once: the idempotency key is made once for the page's life.
 * A renewal (`renewal`) has its product and names locked to the certificate's.
 */
export function CertificateOrderForm({
  catalogue,
  resume,
  renewal,
}: {
  catalogue: OrderCatalogue;
  resume: boolean;
  renewal?: OrderFormRenewal;
}) {
  const t = useTranslations("certificateOrder");
  const ta = useTranslations("autoRenew.failure");
  const to = useTranslations("organizationReview.order");
  const locale = useLocale();
  const router = useRouter();
  const queryClient = useQueryClient();
  const id = useId();
  const { flow, products } = catalogue;
  const scope: DraftScope = renewal ? `RENEW-${renewal.certificateId}` : flow;
  const [draft, setDraft] = useState<OrderDraft>(() => initialDraft(products, renewal));
  const [restored, setRestored] = useState(false);
  const [idempotencyKey] = useState(newOperationId);
  const [touched, setTouched] = useState<ReadonlySet<number>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [serverProblems, setServerProblems] = useState<OrderProblem[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [organizationProblems, setOrganizationProblems] = useState<
    Partial<Record<OrganizationDetailsField, FieldErrorCode>>
  >({});
  const [missingMinor, setMissingMinor] = useState<number | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const mutation = useMutation({ mutationFn: placeCertificateOrderAction });
  const pending = mutation.isPending;

  // Back from a top-up: the draft the customer left, CSR and all. Nothing is saved before
  // it is read, or the page's empty draft would replace it.
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    const saved = resume ? loadDraft(scope) : null;
    if (saved) {
      setDraft(renewal ? { ...saved, names: renewal.names } : saved);
      setRestored(true);
    }
    setLoaded(true);
  }, [resume, scope, renewal]);
  useEffect(() => {
    if (loaded) saveDraft(scope, draft);
  }, [loaded, scope, draft]);

  const product = products.find(
    (row) =>
      row.brand === draft.brand && row.certificateType === draft.certificateType && row.domainType === draft.domainType,
  );
  const rule = product
    ? { domainType: product.domainType, domainCount: draft.domainCount, maxDomains: product.maxDomains }
    : null;
  const names = sized(draft.names, rule ? expectedNameCount(rule) : 1);
  const checked = rule ? checkOrderNames(names, rule) : null;
  const accepted = checked ? acceptedOrderNames(checked) : null;
  const covered = checked?.covered ?? [];
  const automatic =
    covered.length > 0 &&
    accepted !== null &&
    dnsValidationTargets(covered, "").every((record) => findHostedZone(record.name, catalogue.hostedZones) !== null);
  const fileAllowed = covered.length === 0 ? product?.domainType !== "WILDCARD" : fileValidationAllowed(covered);
  const priceMinor = product ? orderPriceMinor(product, names.length) : 0;
  const short = product && !product.free ? Math.max(0, priceMinor - catalogue.balance.amountMinor) : 0;
  const autoRenewAllowed = product ? product.autoRenewFailures.length === 0 : false;
  // OV and EV name the organisation, which an administrator reviews after payment.
  const needsOrganization = product !== undefined && product.certificateType !== "DV";

  function change(patch: Partial<OrderDraft>, clears: OrderProblem["field"][] = []) {
    setDraft((current) => ({ ...current, ...patch }));
    setFormError(null);
    setMissingMinor(null);
    if (clears.length > 0) setServerProblems((current) => current.filter((problem) => !clears.includes(problem.field)));
  }

  function chooseProduct(next: Pick<OrderDraft, "brand" | "certificateType" | "domainType">) {
    const chosen = products.find(
      (row) =>
        row.brand === next.brand && row.certificateType === next.certificateType && row.domainType === next.domainType,
    );
    change(
      {
        ...next,
        domainCount:
          chosen?.domainType === "MULTI"
            ? Math.min(Math.max(2, draft.domainCount), chosen.maxDomains)
            : draft.domainCount,
        autoRenew: chosen && chosen.autoRenewFailures.length === 0 ? draft.autoRenew : false,
        validationMethod: chosen?.domainType === "WILDCARD" ? "DNS" : draft.validationMethod,
      },
      ["names", "autoRenew", "validationMethod", "csr"],
    );
  }

  const money = (amountMinor: number) =>
    formatMoney(amountMinor, product?.currency ?? catalogue.balance.currency, locale);
  const returnTo = renewal
    ? `/certificates/buy?renew=${encodeURIComponent(renewal.certificateId)}&resume=1`
    : `/certificates/buy?${flow === "FREE" ? "free=1&" : ""}resume=1`;
  const topUpHref = (amountMinor: number) => `/billing?topUp=${amountMinor}&returnTo=${encodeURIComponent(returnTo)}`;

  function focusFirstProblem() {
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>("[aria-invalid=true]")?.focus());
  }

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending || !product) return;
    setSubmitted(true);
    setFormError(null);
    setMissingMinor(null);
    const csrMissing = draft.keySource === "CSR" && draft.csrPem.trim() === "";
    // The server's schema of the organisation, loaded when first needed rather than with the page.
    const organizationCheck = needsOrganization
      ? (await import("@/lib/organization-review/organization-details-input")).organizationDetailsProblems(
          draft.organization,
        )
      : {};
    setOrganizationProblems(organizationCheck);
    const organizationMissing = Object.keys(organizationCheck).length > 0;
    if (
      !accepted ||
      csrMissing ||
      organizationMissing ||
      (draft.validationMethod === "FILE" && !fileAllowed && !automatic)
    ) {
      focusFirstProblem();
      return;
    }
    const input: CertificateOrderInput = {
      idempotencyKey,
      flow,
      productId: product.id,
      domainCount: names.length,
      names,
      validationMethod: fileAllowed ? draft.validationMethod : "DNS",
      key:
        draft.keySource === "CSR"
          ? { source: "CSR", csrPem: draft.csrPem }
          : { source: "GENERATE", algorithm: draft.algorithm },
      autoRenew: autoRenewAllowed && draft.autoRenew,
      organization: needsOrganization ? draft.organization : undefined,
      renewsCertificateId: renewal?.certificateId,
    };
    // The schema the server parses with, loaded when first needed rather than with the page.
    const { certificateOrderInput } = await import("@/lib/orders/certificate-order-input");
    if (!certificateOrderInput.safeParse(input).success) {
      setFormError(t("invalid"));
      return;
    }
    mutation.mutate(input, {
      onSuccess: async (result) => {
        if (!result.ok) {
          if (result.code === "UNAUTHENTICATED") {
            window.location.assign(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
            return;
          }
          const missing = result.details?.missingMinor;
          if (result.code === "INSUFFICIENT_BALANCE" && typeof missing === "number") setMissingMinor(missing);
          setFormError(result.message);
          return;
        }
        if (result.data.status === "rejected") {
          setServerProblems(result.data.problems);
          focusFirstProblem();
          return;
        }
        const placed = result.data;
        clearDraft(scope);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: certificateKeys.all }),
          queryClient.invalidateQueries({ queryKey: accountKeys.all }),
        ]);
        const domain = names[0] ?? "";
        toast.success(placed.issued ? t("placedIssued", { domain }) : t("placed", { domain }), {
          description: placed.replayed ? t("replayed") : undefined,
        });
        router.push(`/certificates/${placed.certificateId}`);
      },
      // The outcome is unknown: the key stays, so pressing again cannot pay twice.
      onError: () => setFormError(t("networkError")),
    });
  }

  if (products.length === 0) {
    return (
      <Alert data-testid="order-no-products">
        <InfoIcon aria-hidden />
        <AlertDescription>{flow === "FREE" ? t("product.noneFree") : t("product.none")}</AlertDescription>
      </Alert>
    );
  }

  const problemsFor = <F extends OrderProblem["field"]>(field: F) =>
    serverProblems.filter((problem): problem is Extract<OrderProblem, { field: F }> => problem.field === field);
  const freeFull = flow === "FREE" && catalogue.free.held >= catalogue.free.limit;

  return (
    <form
      ref={formRef}
      onSubmit={submit}
      noValidate
      className="grid max-w-3xl gap-6"
      data-testid="order-form"
      aria-busy={pending || undefined}
    >
      {restored && (
        <Alert data-testid="order-restored">
          <InfoIcon aria-hidden />
          <AlertDescription className="flex flex-wrap items-center gap-x-3 gap-y-1">
            {t("resumed")}
            <Button
              type="button"
              variant="link"
              className="h-auto p-0"
              onClick={() => {
                setDraft(initialDraft(products, renewal));
                setRestored(false);
                setServerProblems([]);
              }}
            >
              {t("startOver")}
            </Button>
          </AlertDescription>
        </Alert>
      )}
      {freeFull && (
        <Alert variant="warning" data-testid="free-limit-reached">
          <InfoIcon aria-hidden />
          <AlertDescription>
            {t("summary.freeFull", { held: catalogue.free.held, limit: catalogue.free.limit })}
          </AlertDescription>
        </Alert>
      )}

      <Card>
        <CardHeader>
          <CardTitle>{t("product.title")}</CardTitle>
        </CardHeader>
        <CardContent>
          <OrderProductFields
            products={products}
            draft={draft}
            product={product}
            accountCurrency={catalogue.balance.currency}
            disabled={pending || renewal !== undefined}
            onProduct={chooseProduct}
            onDomainCount={(domainCount) => change({ domainCount }, ["names"])}
          />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("names.title")}</CardTitle>
          <CardDescription>{renewal ? t("renewal.namesLocked") : t("names.wwwRule")}</CardDescription>
        </CardHeader>
        <CardContent>
          <OrderNameFields
            names={names}
            domainType={product?.domainType ?? "SINGLE"}
            checked={checked}
            touched={touched}
            submitted={submitted}
            serverProblems={problemsFor("names")}
            hostedZones={catalogue.hostedZones}
            disabled={pending || renewal !== undefined}
            onChange={(index, value) => {
              const next = sized(draft.names, names.length);
              next[index] = value;
              change({ names: next }, ["names", "csr"]);
            }}
            onBlur={(index) => setTouched((current) => new Set([...current, index]))}
          />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("validation.title")}</CardTitle>
        </CardHeader>
        <CardContent>
          <OrderValidationFields
            method={draft.validationMethod}
            automatic={automatic}
            fileAllowed={fileAllowed}
            covered={accepted ? covered : []}
            problems={problemsFor("validationMethod")}
            disabled={pending}
            onMethod={(validationMethod) => change({ validationMethod }, ["validationMethod"])}
          />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("key.title")}</CardTitle>
        </CardHeader>
        <CardContent>
          <OrderKeyFields
            draft={draft}
            covered={accepted ? covered : []}
            submitted={submitted}
            problems={problemsFor("csr")}
            disabled={pending}
            onChange={(patch) => change(patch, ["csr"])}
          />
        </CardContent>
      </Card>

      {needsOrganization && (
        <Card data-testid="order-organization">
          <CardHeader>
            <CardTitle>{to("title")}</CardTitle>
            <CardDescription>{to("description")}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            <Suspense fallback={<p className="text-sm text-muted-foreground">{to("loading")}</p>}>
              <OrganizationDetailsFields
                value={draft.organization}
                problems={organizationProblems}
                disabled={pending}
                onChange={(field, value) => {
                  change({ organization: { ...draft.organization, [field]: value } }, ["organization"]);
                  setOrganizationProblems((current) => ({ ...current, [field]: undefined }));
                }}
              />
            </Suspense>
            {problemsFor("organization").map((problem) => (
              <p key={problem.code} className="text-sm text-destructive" role="alert">
                {to("required")}
              </p>
            ))}
          </CardContent>
        </Card>
      )}

      <Card data-testid="order-auto-renew">
        <CardHeader>
          <CardTitle>{t("autoRenew.title")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-3 text-sm">
          <div className="flex items-start gap-3">
            <Switch
              id={`${id}-auto-renew`}
              checked={autoRenewAllowed && draft.autoRenew}
              disabled={pending || !autoRenewAllowed}
              onCheckedChange={(autoRenew) => change({ autoRenew }, ["autoRenew"])}
              aria-describedby={`${id}-auto-renew-rule`}
              data-testid="order-auto-renew-switch"
            />
            <Label htmlFor={`${id}-auto-renew`} className="leading-5">
              {t("autoRenew.label")}
            </Label>
          </div>
          <div id={`${id}-auto-renew-rule`} className="grid gap-1 text-muted-foreground">
            {autoRenewAllowed ? (
              <p>{t("autoRenew.rule")}</p>
            ) : (
              <>
                <p>{t("autoRenew.notEligible")}</p>
                <ul className="list-disc pl-5" data-testid="order-auto-renew-reasons">
                  {(product?.autoRenewFailures ?? []).map((reason) => (
                    <li key={reason}>{ta(reason)}</li>
                  ))}
                </ul>
              </>
            )}
          </div>
          {problemsFor("autoRenew").map((problem) => (
            <p key={problem.code} className="text-destructive" role="alert">
              {t("autoRenew.refused")}
            </p>
          ))}
        </CardContent>
      </Card>

      <OrderSummary
        flow={flow}
        product={product}
        nameCount={names.length}
        priceMinor={priceMinor}
        balance={catalogue.balance}
        free={catalogue.free}
        shortMinor={short}
        topUpHref={topUpHref}
        onTopUp={() => saveDraft(scope, draft)}
      />

      {formError && (
        <Alert variant="destructive" data-testid="order-error">
          <XCircleIcon aria-hidden />
          <AlertTitle>{t("notPlaced")}</AlertTitle>
          <AlertDescription className="grid gap-2">
            <p>{formError}</p>
            {missingMinor !== null && (
              <p>
                <Button asChild size="sm" variant="outline">
                  <a href={topUpHref(missingMinor)} onClick={() => saveDraft(scope, draft)} data-testid="order-top-up">
                    {t("summary.topUp", { missing: money(missingMinor) })}
                  </a>
                </Button>
              </p>
            )}
          </AlertDescription>
        </Alert>
      )}

      <div className="flex flex-wrap items-center gap-3">
        <Button
          type="submit"
          disabled={pending || !product || product.unavailable !== null || freeFull}
          data-testid="order-submit"
        >
          {pending ? <Loader2Icon className="animate-spin" aria-hidden /> : <ShoppingCartIcon aria-hidden />}
          {pending
            ? t("submit.pending")
            : flow === "FREE"
              ? t("submit.apply")
              : t("submit.pay", { price: money(priceMinor) })}
        </Button>
        <Button type="button" variant="outline" asChild>
          <Link href={renewal ? `/certificates/${renewal.certificateId}` : "/certificates"}>{t("cancel")}</Link>
        </Button>
      </div>
    </form>
  );
}

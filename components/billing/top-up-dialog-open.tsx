"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FlaskConicalIcon, Loader2Icon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import type * as React from "react";
import { useId, useState } from "react";
import { topUpAction } from "@/app/(console)/billing/actions";
import type { PaymentProviderOption, TopUpRequest } from "@/components/billing/top-up-dialog";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
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
import { DEMO_DECLINED_AMOUNT_MINOR } from "@/lib/billing/payment-providers/demo-payment-provider";
import { parseTopUpAmount, type TopUpAmountProblem, topUpLimitsMinor } from "@/lib/billing/top-up-amount";
import { topUpInputSchema } from "@/lib/billing/top-up-input";
import { firstIssueByField } from "@/lib/first-issue-by-field";
import { formatMoney, minorDigits } from "@/lib/money";
import { accountKeys } from "@/lib/queries/account";
import { cn } from "@/lib/utils";

const QUICK_AMOUNTS_MAJOR = [50, 100, 200, 500];
const AMOUNT_PROBLEMS: readonly string[] = ["INVALID", "TOO_SMALL", "TOO_LARGE"] satisfies TopUpAmountProblem[];

/** The schema's code for a bad amount; anything else it could say about the text is INVALID. */
function amountProblem(message: string): TopUpAmountProblem {
  return AMOUNT_PROBLEMS.includes(message) ? (message as TopUpAmountProblem) : "INVALID";
}

/**
 * One token per top-up attempt: kept while the outcome is unknown (a retry after a
 * network failure is then credited at most once), replaced once the server answered
 * or the amount changed. crypto.randomUUID needs a secure context; plain-HTTP
 * installations get the same v4 format from getRandomValues.
 */
function newIdempotencyToken(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** What is missing as the amount to type: at least the smallest top-up, in major units. */
function requestedAmount(amountMinor: number, currency: string): string {
  const { minMinor, maxMinor } = topUpLimitsMinor(currency);
  const digits = minorDigits(currency);
  return (Math.min(Math.max(amountMinor, minMinor), maxMinor) / 10 ** digits).toFixed(digits);
}

/** The top-up dialog itself, loaded when first opened (components/billing/top-up-dialog.tsx). */
export function OpenTopUpDialog({
  providers,
  currency,
  trigger,
  request,
}: {
  providers: PaymentProviderOption[];
  currency: string | undefined;
  trigger: React.ReactElement;
  /** Opened from an order: this amount typed in, and back to the order once paid. */
  request?: TopUpRequest;
}) {
  const t = useTranslations("billing");
  const locale = useLocale();
  const queryClient = useQueryClient();
  const id = useId();
  const [open, setOpen] = useState(true);
  const [providerId, setProviderId] = useState(providers[0]?.id ?? "");
  const router = useRouter();
  const [amount, setAmount] = useState(() =>
    request && currency ? requestedAmount(request.amountMinor, currency) : "",
  );
  const [token, setToken] = useState(newIdempotencyToken);
  const [amountError, setAmountError] = useState<string | null>(null);
  const [providerError, setProviderError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const mutation = useMutation({ mutationFn: topUpAction });
  const pending = mutation.isPending;

  const money = (amountMinor: number) => (currency ? formatMoney(amountMinor, currency, locale) : "");
  const digits = currency ? minorDigits(currency) : 2;
  const scale = 10 ** digits;
  const limits = currency ? topUpLimitsMinor(currency) : { minMinor: 0, maxMinor: 0 };
  const parsed = currency ? parseTopUpAmount(amount, currency) : null;

  function amountMessage(problem: TopUpAmountProblem): string {
    return t(`topUp.amountErrors.${problem}`, { min: money(limits.minMinor), max: money(limits.maxMinor) });
  }

  function reset() {
    setAmount("");
    setAmountError(null);
    setProviderError(null);
    setFormError(null);
    setToken(newIdempotencyToken());
  }

  function changeAmount(value: string) {
    setAmount(value);
    setAmountError(null);
    setFormError(null);
    setToken(newIdempotencyToken());
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!currency || pending) return;
    const input = {
      providerId: providers.find((provider) => provider.id === providerId)?.id ?? "",
      amount,
      currency,
      idempotencyToken: token,
    };
    // The action's own schema: what it would refuse is shown at its field without a round trip.
    const checked = topUpInputSchema.safeParse(input);
    const problems = checked.success ? {} : firstIssueByField(checked.error.issues);
    setProviderError(problems.providerId ? t("topUp.providerRequired") : null);
    setAmountError(problems.amount ? amountMessage(amountProblem(problems.amount)) : null);
    if (problems.providerId || problems.amount) return;
    setFormError(null);
    mutation.mutate(input, {
      onSuccess: (result) => {
        // The server answered: the next attempt is a new payment.
        setToken(newIdempotencyToken());
        if (result.ok) {
          setOpen(false);
          reset();
          toast.success(t("topUp.success", { amount: money(result.data.amountMinor) }), {
            description: t("topUp.successDescription", { balance: money(result.data.balanceAfterMinor) }),
          });
          // Header balance, warning banner, forecast and ledger all live under "account".
          void queryClient.invalidateQueries({ queryKey: accountKeys.all });
          if (request?.returnTo) router.push(request.returnTo);
          return;
        }
        const problem = result.fieldErrors?.amount?.[0];
        if (problem) {
          setAmountError(amountMessage(amountProblem(problem)));
          return;
        }
        if (result.code === "PAYMENT_FAILED") setFormError(t("topUp.failed"));
        else if (result.code === "PAYMENT_PROVIDER_UNAVAILABLE") setFormError(t("topUp.unavailable"));
        else setFormError(result.message);
      },
      // The outcome is unknown: keep the token, so trying again cannot credit twice.
      onError: () => setFormError(t("topUp.networkError")),
    });
  }

  const amountDescribedBy = [`${id}-amount-hint`, amountError ? `${id}-amount-error` : null].filter(Boolean).join(" ");
  const submitLabel =
    parsed?.ok === true ? t("topUp.submit", { amount: money(parsed.amountMinor) }) : t("topUp.submitNoAmount");

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        setOpen(next);
        if (!next) reset();
      }}
    >
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent closeLabel={t("topUp.close")} data-testid="top-up-dialog">
        <DialogHeader>
          <DialogTitle>{t("topUp.title")}</DialogTitle>
          <DialogDescription>{t("topUp.description")}</DialogDescription>
        </DialogHeader>
        <form className="grid gap-5" noValidate onSubmit={submit}>
          {formError && (
            <Alert variant="destructive">
              <AlertDescription data-testid="top-up-error">{formError}</AlertDescription>
            </Alert>
          )}
          <fieldset
            className="grid gap-2"
            disabled={pending}
            aria-describedby={providerError ? `${id}-provider-error` : undefined}
          >
            <legend className="mb-2 text-sm font-medium">{t("topUp.method")}</legend>
            {providers.map((provider) => {
              const demo = provider.id === "demo";
              const hintId = `${id}-provider-${provider.id}-hint`;
              return (
                <label
                  key={provider.id}
                  className={cn(
                    "flex cursor-pointer items-start gap-3 rounded-md border p-3 text-sm transition-colors has-[:checked]:border-primary has-[:checked]:bg-primary/5",
                    "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring",
                  )}
                >
                  <input
                    type="radio"
                    name="providerId"
                    value={provider.id}
                    checked={providerId === provider.id}
                    onChange={() => {
                      setProviderId(provider.id);
                      setProviderError(null);
                      // A token belongs to one provider's charge.
                      setToken(newIdempotencyToken());
                    }}
                    aria-describedby={hintId}
                    className="mt-0.5 size-4 accent-primary focus-visible:outline-none"
                  />
                  <span className="grid gap-1">
                    <span className="flex flex-wrap items-center gap-2 font-medium">
                      {t.has(`providers.${provider.id}.name`) ? t(`providers.${provider.id}.name`) : provider.label}
                      {demo && (
                        <Badge variant="warning">
                          <FlaskConicalIcon aria-hidden />
                          {t("topUp.demoBadge")}
                        </Badge>
                      )}
                    </span>
                    {demo && (
                      <span id={hintId} className="grid gap-1 text-muted-foreground">
                        <span className="font-medium text-foreground" data-testid="demo-provider-label">
                          {t("providers.demo.description")}
                        </span>
                        <span className="text-xs">
                          {t("providers.demo.hint", { declined: money(DEMO_DECLINED_AMOUNT_MINOR) })}
                        </span>
                      </span>
                    )}
                  </span>
                </label>
              );
            })}
            <FieldError id={`${id}-provider-error`} messages={providerError ? [providerError] : undefined} />
          </fieldset>

          <div className="grid gap-2">
            <Label htmlFor={`${id}-amount`}>{t("topUp.amount", { currency: currency ?? "" })}</Label>
            <Input
              id={`${id}-amount`}
              name="amount"
              inputMode="decimal"
              autoComplete="off"
              placeholder={(100).toFixed(digits)}
              value={amount}
              disabled={pending}
              onChange={(event) => changeAmount(event.target.value)}
              aria-invalid={amountError ? true : undefined}
              aria-describedby={amountDescribedBy}
              className="text-base tabular-nums sm:text-sm"
            />
            <fieldset className="flex flex-wrap gap-2">
              <legend className="sr-only">{t("topUp.quickAmounts")}</legend>
              {QUICK_AMOUNTS_MAJOR.map((major) => (
                <Button
                  key={major}
                  type="button"
                  variant="outline"
                  size="sm"
                  disabled={pending}
                  aria-pressed={parsed?.ok === true && parsed.amountMinor === major * scale}
                  onClick={() => changeAmount(String(major))}
                >
                  {money(major * scale)}
                </Button>
              ))}
            </fieldset>
            <p id={`${id}-amount-hint`} className="text-xs text-muted-foreground">
              {t("topUp.limits", { min: money(limits.minMinor), max: money(limits.maxMinor) })}
            </p>
            <FieldError id={`${id}-amount-error`} messages={amountError ? [amountError] : undefined} />
          </div>

          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline" disabled={pending}>
                {t("topUp.cancel")}
              </Button>
            </DialogClose>
            <Button type="submit" disabled={pending} data-testid="top-up-submit">
              {pending && <Loader2Icon className="animate-spin" aria-hidden />}
              {pending ? t("topUp.pending") : submitLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

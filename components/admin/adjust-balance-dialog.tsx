"use client";

import { useMutation } from "@tanstack/react-query";
import { ArrowDownIcon, ArrowUpIcon, XCircleIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import type * as React from "react";
import { useId, useState } from "react";
import { adjustBalanceAction } from "@/app/admin/customers/actions";
import { newOperationId } from "@/components/admin/new-operation-id";
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
import { type AdjustmentDirection, MAX_REASON_LENGTH } from "@/lib/admin/adjust-balance-limits";
import { firstIssueByField } from "@/lib/first-issue-by-field";
import { formatMoney, minorDigits, parseMajorAmount } from "@/lib/money";
import { cn } from "@/lib/utils";

const AMOUNT_PROBLEMS = ["INVALID", "TOO_LARGE"];
const REASON_PROBLEMS = ["REQUIRED", "TOO_LONG"];

/** A problem code the dialog has words for; any other issue with the field reads as the first one (INVALID, REQUIRED). */
function oneOf(code: string, known: readonly string[]): string {
  return known.includes(code) ? code : (known[0] as string);
}

/**
 * Credit or debit a customer's balance with a mandatory reason. The server refuses a
 * debit beyond the balance; the dialog says so in words and moves nothing.
 */
export function AdjustBalanceDialog({
  customerId,
  email,
  balanceMinor,
  currency,
}: {
  customerId: string;
  email: string;
  balanceMinor: number;
  currency: string;
}) {
  const t = useTranslations("admin.customers.adjust");
  const locale = useLocale();
  const router = useRouter();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [direction, setDirection] = useState<AdjustmentDirection>("CREDIT");
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [operationId, setOperationId] = useState(newOperationId);
  const [amountError, setAmountError] = useState<string | null>(null);
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const mutation = useMutation({ mutationFn: adjustBalanceAction });
  const pending = mutation.isPending;

  const money = (minor: number) => formatMoney(minor, currency, locale);
  const parsed = parseMajorAmount(amount, currency);
  const after = parsed === null ? null : direction === "CREDIT" ? balanceMinor + parsed : balanceMinor - parsed;

  function reset() {
    setDirection("CREDIT");
    setAmount("");
    setReason("");
    setAmountError(null);
    setReasonError(null);
    setFormError(null);
    setOperationId(newOperationId());
  }

  function edited() {
    setFormError(null);
    // A changed form is a new operation.
    setOperationId(newOperationId());
  }

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const input = { customerId, direction, amount, currency, reason, operationId };
    // The action's own schema (loaded on the first submit, zod stays out of the page's first
    // load): what it would refuse is shown at its field without a round trip.
    const schema = await import("@/lib/admin/adjust-balance-input").catch(() => null);
    if (!schema) {
      setFormError(t("networkError"));
      return;
    }
    const checked = schema.adjustBalanceInputSchema.safeParse(input);
    const problems = checked.success ? {} : firstIssueByField(checked.error.issues);
    setAmountError(problems.amount ? t(`amountErrors.${oneOf(problems.amount, AMOUNT_PROBLEMS)}`) : null);
    setReasonError(problems.reason ? t(`reasonErrors.${oneOf(problems.reason, REASON_PROBLEMS)}`) : null);
    if (problems.amount || problems.reason) return;
    setFormError(null);
    mutation.mutate(input, {
      onSuccess: (result) => {
        setOperationId(newOperationId());
        if (result.ok) {
          const moved = money(Math.abs(result.data.balanceAfterMinor - result.data.balanceBeforeMinor));
          toast.success(
            direction === "CREDIT" ? t("credited", { amount: moved, email }) : t("debited", { amount: moved, email }),
            {
              description: t("newBalance", { balance: money(result.data.balanceAfterMinor) }),
            },
          );
          setOpen(false);
          reset();
          router.refresh();
          return;
        }
        const amountProblem = result.fieldErrors?.amount?.[0];
        const reasonProblem = result.fieldErrors?.reason?.[0];
        if (amountProblem && AMOUNT_PROBLEMS.includes(amountProblem))
          setAmountError(t(`amountErrors.${amountProblem}`));
        if (reasonProblem && REASON_PROBLEMS.includes(reasonProblem))
          setReasonError(t(`reasonErrors.${reasonProblem}`));
        if ((amountProblem || reasonProblem) && result.code === "INVALID_INPUT") return;
        setFormError(
          result.code === "DEBIT_EXCEEDS_BALANCE"
            ? `${result.message} ${t("refusedBalance", { balance: money(balanceMinor) })}`
            : result.message,
        );
        // The balance may have changed under us: show the current one.
        router.refresh();
      },
      // The outcome is unknown: keep the token, so sending again cannot move money twice.
      onError: () => setFormError(t("networkError")),
    });
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (pending) return;
        setOpen(next);
        if (!next) reset();
      }}
    >
      <DialogTrigger asChild>
        <Button data-testid="adjust-balance-open">{t("open")}</Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("close")} data-testid="adjust-balance-dialog">
        <DialogHeader>
          <DialogTitle>{t("title")}</DialogTitle>
          <DialogDescription>{t("description", { email, balance: money(balanceMinor) })}</DialogDescription>
        </DialogHeader>
        <form className="grid gap-5" noValidate onSubmit={submit}>
          {formError && (
            <Alert variant="destructive">
              <XCircleIcon aria-hidden />
              <AlertDescription data-testid="adjust-balance-error">{formError}</AlertDescription>
            </Alert>
          )}
          <fieldset className="grid grid-cols-2 gap-2" disabled={pending}>
            <legend className="mb-2 text-sm font-medium">{t("direction")}</legend>
            {(["CREDIT", "DEBIT"] as const).map((value) => {
              const Icon = value === "CREDIT" ? ArrowUpIcon : ArrowDownIcon;
              return (
                <label
                  key={value}
                  className={cn(
                    "flex cursor-pointer items-center gap-2 rounded-md border p-3 text-sm transition-colors has-[:checked]:border-primary has-[:checked]:bg-primary/5",
                    "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring",
                  )}
                >
                  <input
                    type="radio"
                    name="direction"
                    value={value}
                    checked={direction === value}
                    onChange={() => {
                      setDirection(value);
                      edited();
                    }}
                    className="size-4 accent-primary focus-visible:outline-none"
                  />
                  <Icon
                    className={cn("size-4", value === "CREDIT" ? "text-success" : "text-destructive")}
                    aria-hidden
                  />
                  <span className="font-medium">{t(value === "CREDIT" ? "credit" : "debit")}</span>
                </label>
              );
            })}
          </fieldset>

          <div className="grid gap-2">
            <Label htmlFor={`${id}-amount`}>{t("amount", { currency })}</Label>
            <Input
              id={`${id}-amount`}
              name="amount"
              inputMode="decimal"
              autoComplete="off"
              placeholder={(10).toFixed(minorDigits(currency))}
              value={amount}
              disabled={pending}
              onChange={(event) => {
                setAmount(event.target.value);
                setAmountError(null);
                edited();
              }}
              aria-invalid={amountError ? true : undefined}
              aria-describedby={[`${id}-after`, amountError ? `${id}-amount-error` : null].filter(Boolean).join(" ")}
              className="text-base tabular-nums sm:text-sm"
              data-testid="adjust-balance-amount"
            />
            <FieldError id={`${id}-amount-error`} messages={amountError ? [amountError] : undefined} />
            <p
              id={`${id}-after`}
              className={cn("text-sm text-muted-foreground", after !== null && after < 0 && "text-destructive")}
              data-testid="adjust-balance-preview"
            >
              {after === null
                ? t("balanceNow", { balance: money(balanceMinor) })
                : after < 0
                  ? t("wouldGoNegative", { balance: money(balanceMinor) })
                  : t("balanceAfter", { balance: money(after) })}
            </p>
          </div>

          <div className="grid gap-2">
            <Label htmlFor={`${id}-reason`}>{t("reason")}</Label>
            <textarea
              id={`${id}-reason`}
              name="reason"
              rows={3}
              maxLength={MAX_REASON_LENGTH}
              required
              value={reason}
              disabled={pending}
              onChange={(event) => {
                setReason(event.target.value);
                setReasonError(null);
                edited();
              }}
              aria-invalid={reasonError ? true : undefined}
              aria-describedby={[`${id}-reason-hint`, reasonError ? `${id}-reason-error` : null]
                .filter(Boolean)
                .join(" ")}
              className="min-h-20 w-full rounded-md border border-input bg-card px-3 py-2 text-base shadow-xs placeholder:text-muted-foreground aria-invalid:border-destructive sm:text-sm"
              placeholder={t("reasonPlaceholder")}
              data-testid="adjust-balance-reason"
            />
            <p id={`${id}-reason-hint`} className="text-xs text-muted-foreground">
              {t("reasonHint")}
            </p>
            <FieldError id={`${id}-reason-error`} messages={reasonError ? [reasonError] : undefined} />
          </div>

          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="outline" disabled={pending}>
                {t("cancel")}
              </Button>
            </DialogClose>
            <Button
              type="submit"
              variant={direction === "DEBIT" ? "destructive" : "default"}
              disabled={pending}
              data-testid="adjust-balance-submit"
            >
              {pending
                ? t("saving")
                : parsed !== null && parsed > 0
                  ? t(direction === "CREDIT" ? "submitCredit" : "submitDebit", { amount: money(parsed) })
                  : t(direction === "CREDIT" ? "submitCreditNoAmount" : "submitDebitNoAmount")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

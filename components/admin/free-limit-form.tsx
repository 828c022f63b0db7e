"use client";

import { useMutation } from "@tanstack/react-query";
import { XCircleIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type * as React from "react";
import { useId, useState } from "react";
import { updateFreeCertificateLimitAction } from "@/app/admin/prices/actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toast";
import { MAX_FREE_CERTIFICATE_LIMIT } from "@/lib/admin/catalogue-limits";

/** How many free certificates one account may hold at once. */
export function FreeLimitForm({ limit }: { limit: number }) {
  const t = useTranslations("admin.prices.freeLimit");
  const router = useRouter();
  const id = useId();
  const [value, setValue] = useState(String(limit));
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const mutation = useMutation({ mutationFn: updateFreeCertificateLimitAction });

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = Number(value);
    if (!/^\d{1,6}$/.test(value.trim()) || next > MAX_FREE_CERTIFICATE_LIMIT) {
      setFieldError(t("invalid", { max: MAX_FREE_CERTIFICATE_LIMIT }));
      return;
    }
    setFormError(null);
    mutation.mutate(
      { limit: next },
      {
        onSuccess: (result) => {
          if (!result.ok) {
            if (result.fieldErrors?.limit) setFieldError(t("invalid", { max: MAX_FREE_CERTIFICATE_LIMIT }));
            else setFormError(result.message);
            return;
          }
          toast.success(result.data.changed ? t("saved", { limit: result.data.limit }) : t("unchanged"));
          router.refresh();
        },
        onError: () => setFormError(t("networkError")),
      },
    );
  }

  return (
    <Card data-testid="free-limit">
      <CardHeader>
        <CardTitle>{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent>
        <form className="grid gap-3 sm:max-w-sm" noValidate onSubmit={submit}>
          {formError && (
            <Alert variant="destructive">
              <XCircleIcon aria-hidden />
              <AlertDescription>{formError}</AlertDescription>
            </Alert>
          )}
          <div className="grid gap-2">
            <Label htmlFor={`${id}-limit`}>{t("label")}</Label>
            <div className="flex gap-2">
              <Input
                id={`${id}-limit`}
                type="number"
                inputMode="numeric"
                min={0}
                max={MAX_FREE_CERTIFICATE_LIMIT}
                value={value}
                disabled={mutation.isPending}
                onChange={(event) => {
                  setValue(event.target.value);
                  setFieldError(null);
                }}
                aria-invalid={fieldError ? true : undefined}
                aria-describedby={fieldError ? `${id}-limit-error` : undefined}
                className="text-base tabular-nums sm:text-sm"
                data-testid="free-limit-input"
              />
              <Button type="submit" disabled={mutation.isPending} data-testid="free-limit-save">
                {mutation.isPending ? t("saving") : t("save")}
              </Button>
            </div>
            <FieldError id={`${id}-limit-error`} messages={fieldError ? [fieldError] : undefined} />
          </div>
        </form>
      </CardContent>
    </Card>
  );
}

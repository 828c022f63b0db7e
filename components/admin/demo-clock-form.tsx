"use client";

import { useMutation } from "@tanstack/react-query";
import { RotateCcwIcon, XCircleIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import type * as React from "react";
import { useId, useState } from "react";
import { resetDemoClockAction, setDemoClockAction } from "@/app/admin/clock/actions";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/actions/authed-action";
import type { DemoClock } from "@/lib/admin/get-demo-clock";

const DAY_MS = 24 * 60 * 60 * 1000;
const JUMPS = [1, 7, 30] as const;

/** "2026-06-15T16:00" for a datetime-local input, in the browser's zone. */
function toLocalInput(iso: string): string {
  const date = new Date(iso);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** Set the simulated time (in the browser's zone), jump ahead, or go back to real time. */
export function DemoClockForm({ clock }: { clock: DemoClock }) {
  const t = useTranslations("admin.clock.form");
  const format = useFormatter();
  const router = useRouter();
  const id = useId();
  const [value, setValue] = useState(() => toLocalInput(clock.now));
  const [valueError, setValueError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (target: string | null): Promise<ActionResult<DemoClock>> =>
      target ? setDemoClockAction({ now: target }) : resetDemoClockAction({}),
    onSuccess: (result) => {
      if (!result.ok) {
        setFormError(result.message);
        return;
      }
      setValue(toLocalInput(result.data.now));
      toast.success(
        result.data.simulated ? t("set", { time: format.dateTime(new Date(result.data.now), "dateTime") }) : t("reset"),
      );
      router.refresh();
    },
    onError: () => setFormError(t("networkError")),
  });

  function setTo(target: Date) {
    setFormError(null);
    mutation.mutate(target.toISOString());
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const target = value ? new Date(value) : null;
    if (!target || Number.isNaN(target.getTime())) {
      setValueError(t("invalid"));
      return;
    }
    setValueError(null);
    setTo(target);
  }

  return (
    <form className="grid gap-5" noValidate onSubmit={submit}>
      {formError && (
        <Alert variant="destructive">
          <XCircleIcon aria-hidden />
          <AlertDescription>{formError}</AlertDescription>
        </Alert>
      )}
      <div className="grid gap-2">
        <Label htmlFor={`${id}-now`}>{t("label")}</Label>
        <div className="flex flex-wrap gap-2">
          <Input
            id={`${id}-now`}
            type="datetime-local"
            value={value}
            onChange={(event) => {
              setValue(event.target.value);
              setValueError(null);
            }}
            disabled={mutation.isPending}
            aria-invalid={valueError ? true : undefined}
            aria-describedby={[`${id}-hint`, valueError ? `${id}-error` : null].filter(Boolean).join(" ")}
            className="w-60"
            data-testid="clock-input"
          />
          <Button type="submit" disabled={mutation.isPending} data-testid="clock-set">
            {t("submit")}
          </Button>
        </div>
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {t("hint")}
        </p>
        <FieldError id={`${id}-error`} messages={valueError ? [valueError] : undefined} />
      </div>
      <fieldset className="grid gap-2">
        <legend className="mb-2 text-sm font-medium">{t("jump")}</legend>
        <div className="flex flex-wrap gap-2">
          {JUMPS.map((days) => (
            <Button
              key={days}
              type="button"
              variant="outline"
              disabled={mutation.isPending}
              onClick={() => setTo(new Date(new Date(clock.now).getTime() + days * DAY_MS))}
              data-testid={`clock-jump-${days}`}
            >
              {t("jumpDays", { days })}
            </Button>
          ))}
        </div>
      </fieldset>
      <div>
        <Button
          type="button"
          variant="secondary"
          disabled={mutation.isPending || !clock.simulated}
          onClick={() => {
            setFormError(null);
            mutation.mutate(null);
          }}
          data-testid="clock-reset"
        >
          <RotateCcwIcon aria-hidden />
          {t("resetButton")}
        </Button>
      </div>
    </form>
  );
}

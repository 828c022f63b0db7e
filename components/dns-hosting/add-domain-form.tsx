"use client";

import { Loader2Icon, PlusIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type * as React from "react";
import { useId, useState, useTransition } from "react";
import { addHostedZoneAction, addValidationDelegationAction } from "@/app/(console)/dns-hosting/actions";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { toast } from "@/components/ui/toast";
import { checkHostedZoneName } from "@/lib/dns-hosting/hosted-zone-name";

const ACTIONS = {
  zones: (name: string) => addHostedZoneAction({ name }),
  delegations: (domain: string) => addValidationDelegationAction({ domain }),
};

/** Adds a hosted domain ("zones") or a third-party domain for automatic validation ("delegations"). */
export function AddDomainForm({ kind }: { kind: keyof typeof ACTIONS }) {
  const t = useTranslations(`dnsHosting.${kind}`);
  const tErrors = useTranslations("dnsHosting.nameProblem");
  const router = useRouter();
  const id = useId();
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [adding, startAdding] = useTransition();

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The server's own rule, so a typo shows at once; the server checks again.
    const checked = checkHostedZoneName(value);
    if (!checked.ok) {
      setError(tErrors(checked.problem));
      return;
    }
    setError(null);
    startAdding(async () => {
      const result = await ACTIONS[kind](checked.name);
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setValue("");
      router.refresh();
      toast.success(t("added", { name: checked.name }));
    });
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-2" data-testid={`add-${kind}-form`}>
      <Label htmlFor={`${id}-name`}>{t("label")}</Label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <Input
          id={`${id}-name`}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          placeholder={t("placeholder")}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          inputMode="url"
          aria-invalid={error ? true : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
          className="sm:max-w-sm"
          data-testid={`add-${kind}-name`}
        />
        <Button type="submit" disabled={adding} data-testid={`add-${kind}-submit`}>
          {adding ? <Loader2Icon className="animate-spin" aria-hidden /> : <PlusIcon aria-hidden />}
          {adding ? t("adding") : t("add")}
        </Button>
      </div>
      <p id={`${id}-hint`} className="text-xs text-muted-foreground">
        {t("hint")}
      </p>
      <FieldError id={`${id}-error`} messages={error ? [error] : undefined} />
    </form>
  );
}

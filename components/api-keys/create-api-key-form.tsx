"use client";

import { KeyRoundIcon, Loader2Icon, PlusIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { createApiKeyAction } from "@/app/(console)/api-keys/actions";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { toast } from "@/components/ui/toast";
import {
  API_KEY_EXPIRY_CHOICES,
  API_KEY_NAME_MAX_LENGTH,
  API_KEY_SCOPES,
  type ApiKeyExpiryChoice,
  type ApiKeyScopeName,
} from "@/lib/api-keys/api-key-rules";

type Created = { secretId: string; secretKey: string; name: string };

/**
 * Creates a key pair and shows its SecretKey this once (only its sealed form is stored).
 * At the limit of active keys the form says so instead of offering a request that would fail.
 */
export function CreateApiKeyForm({ activeCount, max }: { activeCount: number; max: number }) {
  const t = useTranslations("apiKeys.create");
  const router = useRouter();
  const [name, setName] = useState("");
  const [scope, setScope] = useState<ApiKeyScopeName>("READ_ONLY");
  const [expiresInDays, setExpiresInDays] = useState<ApiKeyExpiryChoice>("90");
  const [nameErrors, setNameErrors] = useState<string[] | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [creating, startCreating] = useTransition();
  const atLimit = activeCount >= max;

  const submit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setNameErrors(name.trim() ? undefined : [t("nameRequired")]);
    if (!name.trim()) return;
    startCreating(async () => {
      try {
        const result = await createApiKeyAction({ name, scope, expiresInDays });
        if (!result.ok) {
          setNameErrors(result.fieldErrors?.name ? [t("nameInvalid", { max: API_KEY_NAME_MAX_LENGTH })] : undefined);
          setFormError(result.message);
          return;
        }
        setFormError(null);
        setCreated({ secretId: result.data.secretId, secretKey: result.data.secretKey, name: result.data.name });
        setName("");
        router.refresh();
        toast.success(t("created"));
      } catch {
        setFormError(t("error"));
      }
    });
  };

  return (
    <Card data-testid="create-api-key">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <KeyRoundIcon className="size-4" aria-hidden />
          {t("title")}
        </CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {created && (
          <Alert className="border-primary/40 bg-primary/5" data-testid="new-api-key">
            <KeyRoundIcon aria-hidden />
            <AlertTitle>{t("newTitle", { name: created.name })}</AlertTitle>
            <AlertDescription className="grid gap-3">
              <p>{t("newOnce")}</p>
              {(
                [
                  ["SecretId", created.secretId, "new-secret-id"],
                  ["SecretKey", created.secretKey, "new-secret-key"],
                ] as const
              ).map(([label, value, testId]) => (
                <div key={label} className="grid gap-1">
                  <span className="text-xs font-medium text-muted-foreground">{label}</span>
                  <div className="flex flex-wrap items-center gap-2 rounded-md border bg-card p-3">
                    <code className="min-w-0 flex-1 font-mono text-sm break-all select-all" data-testid={testId}>
                      {value}
                    </code>
                    <CopyButton
                      value={value}
                      label={t("copy", { what: label })}
                      copiedLabel={t("copied", { what: label })}
                    />
                  </div>
                </div>
              ))}
              <div>
                <Button variant="outline" size="sm" onClick={() => setCreated(null)} data-testid="hide-new-api-key">
                  {t("hide")}
                </Button>
              </div>
            </AlertDescription>
          </Alert>
        )}
        {atLimit ? (
          <p className="text-sm text-muted-foreground" data-testid="api-key-limit">
            {t("limit", { max })}
          </p>
        ) : (
          <form className="grid gap-4 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end" onSubmit={submit} noValidate>
            <div className="grid gap-2">
              <Label htmlFor="api-key-name">{t("name")}</Label>
              <Input
                id="api-key-name"
                name="name"
                value={name}
                maxLength={API_KEY_NAME_MAX_LENGTH}
                onChange={(event) => setName(event.target.value)}
                placeholder={t("namePlaceholder")}
                aria-invalid={nameErrors ? true : undefined}
                aria-describedby={nameErrors ? "api-key-name-error" : undefined}
              />
            </div>
            <div className="grid gap-2">
              <Label htmlFor="api-key-scope">{t("scope")}</Label>
              <NativeSelect
                id="api-key-scope"
                value={scope}
                onChange={(event) => setScope(event.target.value as ApiKeyScopeName)}
              >
                {API_KEY_SCOPES.map((value) => (
                  <option key={value} value={value}>
                    {t(`scopes.${value}`)}
                  </option>
                ))}
              </NativeSelect>
            </div>
            <div className="grid gap-2">
              <Label htmlFor="api-key-expiry">{t("expiry")}</Label>
              <NativeSelect
                id="api-key-expiry"
                value={expiresInDays}
                onChange={(event) => setExpiresInDays(event.target.value as ApiKeyExpiryChoice)}
              >
                {API_KEY_EXPIRY_CHOICES.map((value) => (
                  <option key={value} value={value}>
                    {value === "never" ? t("never") : t("days", { days: Number(value) })}
                  </option>
                ))}
              </NativeSelect>
            </div>
            <Button type="submit" disabled={creating} data-testid="create-api-key-submit">
              {creating ? <Loader2Icon className="animate-spin" aria-hidden /> : <PlusIcon aria-hidden />}
              {creating ? t("creating") : t("submit")}
            </Button>
            <div className="sm:col-span-4">
              <FieldError id="api-key-name-error" messages={nameErrors} />
              {formError && (
                <p className="text-sm text-destructive" role="alert" data-testid="create-api-key-error">
                  {formError}
                </p>
              )}
            </div>
          </form>
        )}
      </CardContent>
    </Card>
  );
}

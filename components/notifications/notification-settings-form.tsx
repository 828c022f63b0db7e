"use client";

import { useQueryClient } from "@tanstack/react-query";
import { KeyRoundIcon, Loader2Icon, RotateCwIcon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type * as React from "react";
import { lazy, useId, useState, useTransition } from "react";
import { updateNotificationSettingsAction } from "@/app/(console)/notifications/actions";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { DeferredOverlay } from "@/components/ui/deferred-overlay";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/toast";
import {
  checkNotificationSettings,
  type NotificationSettingsFieldErrors,
} from "@/lib/notifications/check-notification-settings";
import type { NotificationSettingsView } from "@/lib/notifications/get-notification-settings";
import { formatReminderDays, MAX_REMINDER_DAY, MAX_REMINDER_DAY_COUNT } from "@/lib/notifications/reminder-days";
import { notificationKeys } from "@/lib/queries/notifications";

const loadRotateDialog = () => import("@/components/notifications/rotate-secret-dialog");
const RotateSecretDialog = lazy(() => loadRotateDialog().then((module) => ({ default: module.RotateSecretDialog })));

/** Reminder days, channels and the webhook (URL and signing secret) of the account. */
export function NotificationSettingsForm({ settings, email }: { settings: NotificationSettingsView; email: string }) {
  const t = useTranslations("notifications.settings");
  const router = useRouter();
  const queryClient = useQueryClient();
  const id = useId();
  const [reminderDays, setReminderDays] = useState(formatReminderDays(settings.reminderDays));
  const [inApp, setInApp] = useState(settings.inApp);
  const [byEmail, setByEmail] = useState(settings.email);
  const [webhookUrl, setWebhookUrl] = useState(settings.webhookUrl ?? "");
  const [fieldErrors, setFieldErrors] = useState<NotificationSettingsFieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [newSecret, setNewSecret] = useState<string | null>(null);
  const [saving, startSaving] = useTransition();

  function save(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    // The server's own check of what was typed: its problems show at their fields without a round trip.
    const checked = checkNotificationSettings({ reminderDays, webhookUrl });
    if (!checked.ok) {
      setFieldErrors(checked.fieldErrors);
      return;
    }
    startSaving(async () => {
      try {
        const result = await updateNotificationSettingsAction({ reminderDays, inApp, email: byEmail, webhookUrl });
        if (!result.ok) {
          setFormError(result.message);
          return;
        }
        if (!result.data.ok) {
          setFieldErrors(result.data.fieldErrors);
          return;
        }
        setFieldErrors({});
        setReminderDays(formatReminderDays(result.data.settings.reminderDays));
        setWebhookUrl(result.data.settings.webhookUrl ?? "");
        if (result.data.newWebhookSecret) setNewSecret(result.data.newWebhookSecret);
        else if (!result.data.settings.webhookUrl) setNewSecret(null);
        await queryClient.invalidateQueries({ queryKey: notificationKeys.unread });
        router.refresh();
        toast.success(t("saved"));
      } catch {
        setFormError(t("saveError"));
      }
    });
  }

  const daysError = fieldErrors.reminderDays
    ? t(`reminders.${fieldErrors.reminderDays.problem}`, {
        value: fieldErrors.reminderDays.value ?? "",
        count: fieldErrors.reminderDays.count ?? 0,
        max: fieldErrors.reminderDays.problem === "TOO_MANY" ? MAX_REMINDER_DAY_COUNT : MAX_REMINDER_DAY,
      })
    : null;
  const urlError = fieldErrors.webhookUrl ? t(`webhookErrors.${fieldErrors.webhookUrl.problem}`) : null;

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <form onSubmit={save} noValidate className="grid gap-6 lg:col-span-2" data-testid="notification-settings-form">
        {formError && (
          <Alert variant="destructive">
            <AlertDescription>{formError}</AlertDescription>
          </Alert>
        )}
        <div className="grid gap-6 lg:grid-cols-2">
          <Card>
            <CardHeader>
              <CardTitle>{t("reminders.title")}</CardTitle>
              <CardDescription>{t("reminders.description")}</CardDescription>
            </CardHeader>
            <CardContent className="grid gap-2">
              <Label htmlFor={`${id}-days`}>{t("reminders.label")}</Label>
              <Input
                id={`${id}-days`}
                value={reminderDays}
                onChange={(event) => setReminderDays(event.target.value)}
                inputMode="numeric"
                autoComplete="off"
                aria-invalid={daysError ? true : undefined}
                aria-describedby={`${id}-days-hint${daysError ? ` ${id}-days-error` : ""}`}
                data-testid="reminder-days"
              />
              <p id={`${id}-days-hint`} className="text-xs text-muted-foreground">
                {t("reminders.hint", { max: MAX_REMINDER_DAY, count: MAX_REMINDER_DAY_COUNT })}
              </p>
              <FieldError id={`${id}-days-error`} messages={daysError ? [daysError] : undefined} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("channels.title")}</CardTitle>
              <CardDescription>{t("channels.description")}</CardDescription>
            </CardHeader>
            <CardContent className="grid gap-5">
              <ChannelSwitch
                label={t("channels.inApp")}
                hint={t("channels.inAppHint")}
                checked={inApp}
                onCheckedChange={setInApp}
                testId="channel-in-app"
              />
              <ChannelSwitch
                label={t("channels.email")}
                hint={t("channels.emailHint", { email })}
                checked={byEmail}
                onCheckedChange={setByEmail}
                testId="channel-email"
              />
              <div className="grid gap-2">
                <Label htmlFor={`${id}-url`}>{t("channels.webhook")}</Label>
                <Input
                  id={`${id}-url`}
                  type="url"
                  value={webhookUrl}
                  onChange={(event) => setWebhookUrl(event.target.value)}
                  placeholder="https://hooks.example.com/certdesk"
                  autoComplete="off"
                  spellCheck={false}
                  aria-invalid={urlError ? true : undefined}
                  aria-describedby={`${id}-url-hint${urlError ? ` ${id}-url-error` : ""}`}
                  data-testid="webhook-url"
                />
                <p id={`${id}-url-hint`} className="text-xs text-muted-foreground">
                  {t("channels.webhookHint")}
                </p>
                <FieldError id={`${id}-url-error`} messages={urlError ? [urlError] : undefined} />
              </div>
            </CardContent>
          </Card>
        </div>
        <div>
          <Button type="submit" disabled={saving} data-testid="save-notification-settings">
            {saving && <Loader2Icon className="animate-spin" aria-hidden />}
            {saving ? t("saving") : t("save")}
          </Button>
        </div>
      </form>
      <SigningSecretCard
        hasSecret={settings.hasWebhookSecret}
        newSecret={newSecret}
        onNewSecret={setNewSecret}
        onHide={() => setNewSecret(null)}
      />
    </div>
  );
}

function ChannelSwitch({
  label,
  hint,
  checked,
  onCheckedChange,
  testId,
}: {
  label: string;
  hint: string;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  testId: string;
}) {
  const id = useId();
  return (
    <div className="flex items-start justify-between gap-4">
      <div className="grid gap-1">
        <label htmlFor={id} className="text-sm font-medium leading-snug">
          {label}
        </label>
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      </div>
      <Switch
        id={id}
        checked={checked}
        onCheckedChange={onCheckedChange}
        aria-describedby={`${id}-hint`}
        data-testid={testId}
      />
    </div>
  );
}

function SigningSecretCard({
  hasSecret,
  newSecret,
  onNewSecret,
  onHide,
}: {
  hasSecret: boolean;
  newSecret: string | null;
  onNewSecret: (secret: string) => void;
  onHide: () => void;
}) {
  const t = useTranslations("notifications.settings.secret");
  const trigger = (
    <Button variant="outline" className="justify-self-start" data-testid="rotate-secret">
      <RotateCwIcon aria-hidden />
      {t("rotate")}
    </Button>
  );

  return (
    <Card className="lg:col-span-2" data-testid="signing-secret">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <KeyRoundIcon className="size-4" aria-hidden />
          {t("title")}
        </CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {newSecret ? (
          <Alert className="border-primary/40 bg-primary/5" data-testid="new-signing-secret">
            <KeyRoundIcon aria-hidden />
            <AlertTitle>{t("newTitle")}</AlertTitle>
            <AlertDescription className="grid gap-3">
              <p>{t("newOnce")}</p>
              <div className="flex flex-wrap items-center gap-2 rounded-md border bg-card p-3">
                <code
                  className="min-w-0 flex-1 font-mono text-sm break-all select-all"
                  data-testid="signing-secret-value"
                >
                  {newSecret}
                </code>
                <CopyButton value={newSecret} label={t("copy")} copiedLabel={t("copied")} />
              </div>
              <div>
                <Button variant="outline" size="sm" onClick={onHide}>
                  {t("hide")}
                </Button>
              </div>
            </AlertDescription>
          </Alert>
        ) : (
          <p className="text-sm text-muted-foreground">{hasSecret ? t("exists") : t("none")}</p>
        )}
        {hasSecret && (
          <DeferredOverlay load={loadRotateDialog} trigger={trigger}>
            <RotateSecretDialog onRotated={onNewSecret}>{trigger}</RotateSecretDialog>
          </DeferredOverlay>
        )}
      </CardContent>
    </Card>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type ReactElement, useState } from "react";
import { rotateWebhookSecretAction } from "@/app/(console)/notifications/actions";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toast";

/**
 * Confirms rotating the webhook signing secret and rotates it; the new secret goes to
 * `onRotated` to be shown once. Loaded, open, on the trigger's first press
 * (notification-settings-form.tsx).
 */
export function RotateSecretDialog({
  children,
  onRotated,
}: {
  children: ReactElement;
  onRotated: (secret: string) => void;
}) {
  const t = useTranslations("notifications.settings.secret");
  const router = useRouter();
  const [open, setOpen] = useState(true);
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={setOpen}
      trigger={children}
      title={t("rotateTitle")}
      description={t("rotateDescription")}
      labels={{ cancel: t("cancel"), confirm: t("rotateConfirm"), pending: t("rotating") }}
      unreachableMessage={t("rotateError")}
      confirmTestId="rotate-secret-confirm"
      action={() => rotateWebhookSecretAction({})}
      refusalMessage={(refusal) => (refusal.code === "NOT_FOUND" ? t("rotateError") : refusal.message)}
      onConfirmed={(data) => {
        onRotated(data.secret);
        router.refresh();
        toast.success(t("rotated"));
      }}
    />
  );
}

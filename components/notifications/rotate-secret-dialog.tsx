"use client";

import { Loader2Icon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { type ReactElement, useState, useTransition } from "react";
import { rotateWebhookSecretAction } from "@/app/(console)/notifications/actions";
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
  const [rotating, startRotating] = useTransition();

  const rotate = () =>
    startRotating(async () => {
      try {
        const result = await rotateWebhookSecretAction({});
        if (!result.ok) {
          toast.error(result.code === "NOT_FOUND" ? t("rotateError") : result.message);
          return;
        }
        onRotated(result.data.secret);
        setOpen(false);
        router.refresh();
        toast.success(t("rotated"));
      } catch {
        toast.error(t("rotateError"));
      }
    });

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{children}</DialogTrigger>
      <DialogContent closeLabel={t("cancel")}>
        <DialogHeader>
          <DialogTitle>{t("rotateTitle")}</DialogTitle>
          <DialogDescription>{t("rotateDescription")}</DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">{t("cancel")}</Button>
          </DialogClose>
          <Button onClick={rotate} disabled={rotating} data-testid="rotate-secret-confirm">
            {rotating && <Loader2Icon className="animate-spin" aria-hidden />}
            {rotating ? t("rotating") : t("rotateConfirm")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

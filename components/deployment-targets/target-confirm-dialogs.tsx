"use client";

import { useQueryClient } from "@tanstack/react-query";
import { Loader2Icon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import {
  deleteDeploymentTargetAction,
  rotateDeployWebhookSecretAction,
} from "@/app/(console)/deployment-targets/actions";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";
import { deploymentTargetKeys } from "@/lib/queries/deployment-targets";

// The confirmations of the targets page, loaded when one is first asked for.

type ConfirmProps = { target: { id: string; name: string }; onOpenChange: (open: boolean) => void };

export function RotateSecretDialog({
  target,
  onOpenChange,
  onRotated,
}: ConfirmProps & { onRotated: (secret: string) => void }) {
  const t = useTranslations("deploymentTargets.rotate");
  const [rotating, startRotating] = useTransition();
  const rotate = () =>
    startRotating(async () => {
      try {
        const result = await rotateDeployWebhookSecretAction({ targetId: target.id });
        if (!result.ok) {
          toast.error(result.message);
          return;
        }
        onRotated(result.data.signingSecret);
        onOpenChange(false);
      } catch {
        toast.error(t("error"));
      }
    });
  return (
    <Dialog open onOpenChange={onOpenChange}>
      <DialogContent closeLabel={t("cancel")}>
        <DialogHeader>
          <DialogTitle>{t("title", { name: target.name })}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">{t("cancel")}</Button>
          </DialogClose>
          <Button onClick={rotate} disabled={rotating}>
            {rotating && <Loader2Icon className="animate-spin" aria-hidden />}
            {rotating ? t("rotating") : t("confirm")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

export function DeleteTargetDialog({ target, onOpenChange }: ConfirmProps) {
  const t = useTranslations("deploymentTargets.delete");
  const queryClient = useQueryClient();
  const [deleting, startDeleting] = useTransition();
  const remove = () =>
    startDeleting(async () => {
      try {
        const result = await deleteDeploymentTargetAction({ targetId: target.id });
        if (!result.ok) {
          toast.error(result.message);
          return;
        }
        onOpenChange(false);
        await queryClient.invalidateQueries({ queryKey: deploymentTargetKeys.all });
        toast.success(t("deleted", { name: target.name }));
      } catch {
        toast.error(t("error"));
      }
    });
  return (
    <Dialog open onOpenChange={onOpenChange}>
      <DialogContent closeLabel={t("cancel")}>
        <DialogHeader>
          <DialogTitle>{t("title", { name: target.name })}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">{t("cancel")}</Button>
          </DialogClose>
          <Button variant="destructive" onClick={remove} disabled={deleting} data-testid="delete-target-confirm">
            {deleting && <Loader2Icon className="animate-spin" aria-hidden />}
            {deleting ? t("deleting") : t("confirm")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

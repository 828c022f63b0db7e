"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import {
  deleteDeploymentTargetAction,
  rotateDeployWebhookSecretAction,
} from "@/app/(console)/deployment-targets/actions";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
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
  return (
    <ConfirmDialog
      open
      onOpenChange={onOpenChange}
      title={t("title", { name: target.name })}
      description={t("description")}
      labels={{ cancel: t("cancel"), confirm: t("confirm"), pending: t("rotating") }}
      unreachableMessage={t("error")}
      action={() => rotateDeployWebhookSecretAction({ targetId: target.id })}
      onConfirmed={(data) => onRotated(data.signingSecret)}
    />
  );
}

export function DeleteTargetDialog({ target, onOpenChange }: ConfirmProps) {
  const t = useTranslations("deploymentTargets.delete");
  const queryClient = useQueryClient();
  return (
    <ConfirmDialog
      open
      onOpenChange={onOpenChange}
      title={t("title", { name: target.name })}
      description={t("description")}
      labels={{ cancel: t("cancel"), confirm: t("confirm"), pending: t("deleting") }}
      unreachableMessage={t("error")}
      destructive
      confirmTestId="delete-target-confirm"
      action={() => deleteDeploymentTargetAction({ targetId: target.id })}
      onConfirmed={async () => {
        await queryClient.invalidateQueries({ queryKey: deploymentTargetKeys.all });
        toast.success(t("deleted", { name: target.name }));
      }}
    />
  );
}

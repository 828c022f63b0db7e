"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type * as React from "react";
import { useState } from "react";
import { revokeApiKeyAction } from "@/app/(console)/api-keys/actions";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toast";

/** The confirmation, rendered open (components/api-keys/revoke-api-key-button.tsx loads it when wanted). */
export function OpenRevokeApiKeyDialog({
  apiKeyId,
  name,
  trigger,
}: {
  apiKeyId: string;
  name: string;
  trigger: React.ReactElement;
}) {
  const t = useTranslations("apiKeys.revoke");
  const router = useRouter();
  const [open, setOpen] = useState(true);
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={setOpen}
      trigger={trigger}
      title={t("title", { name })}
      description={t("description")}
      labels={{ cancel: t("cancel"), confirm: t("confirm"), pending: t("revoking") }}
      unreachableMessage={t("error")}
      destructive
      confirmTestId="revoke-api-key-confirm"
      action={() => revokeApiKeyAction({ apiKeyId })}
      onConfirmed={() => {
        router.refresh();
        toast.success(t("revoked", { name }));
      }}
    />
  );
}

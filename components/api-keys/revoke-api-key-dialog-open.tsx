"use client";

import { Loader2Icon } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type * as React from "react";
import { useState, useTransition } from "react";
import { revokeApiKeyAction } from "@/app/(console)/api-keys/actions";
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
  const [revoking, startRevoking] = useTransition();

  const revoke = () =>
    startRevoking(async () => {
      try {
        const result = await revokeApiKeyAction({ apiKeyId });
        if (!result.ok) {
          toast.error(result.message);
          return;
        }
        setOpen(false);
        router.refresh();
        toast.success(t("revoked", { name }));
      } catch {
        toast.error(t("error"));
      }
    });

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent closeLabel={t("cancel")}>
        <DialogHeader>
          <DialogTitle>{t("title", { name })}</DialogTitle>
          <DialogDescription>{t("description")}</DialogDescription>
        </DialogHeader>
        <DialogFooter>
          <DialogClose asChild>
            <Button variant="outline">{t("cancel")}</Button>
          </DialogClose>
          <Button variant="destructive" onClick={revoke} disabled={revoking} data-testid="revoke-api-key-confirm">
            {revoking && <Loader2Icon className="animate-spin" aria-hidden />}
            {revoking ? t("revoking") : t("confirm")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
